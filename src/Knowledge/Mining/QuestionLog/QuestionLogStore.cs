using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// Every resident question the bot handled, in <c>questions.db</c> (its own file, so the log never waits on the
/// index or the other way round): decision, confidence, entry, and what followed (a rephrase, a handoff). Resident ids
/// are stored only as <see cref="ResidentKeys"/> keys and texts only after <see cref="PersonalDataScrubber"/>.
/// </summary>
/// <remarks>
/// <para>Writes never block the caller: <see cref="Record"/>, <see cref="MarkPicked"/> and <see cref="MarkHandoff"/>
/// put the write in a bounded buffer and return at once (false, the write dropped, when the buffer is full or the log
/// closed); one loop owns the writer connection and commits whatever waits (up to <see cref="MaxGroup"/>) in one
/// transaction. Writes apply in the order they were queued. A write that fails is logged and dropped: the log is
/// statistics, never worth failing a resident's turn for.</para>
/// <para>Call <see cref="InitializeAsync"/> once; writes queued before it wait for it. Every member is thread-safe.</para>
/// </remarks>
internal sealed class QuestionLogStore : IAsyncDisposable
{
    /// <summary>Writes the buffer holds; beyond it (a stalled disk) new ones are dropped, not waited for.</summary>
    public const int Capacity = 8192;

    /// <summary>Bounds one transaction.</summary>
    public const int MaxGroup = 500;

    private readonly SqliteConnectionFactory _connections;
    private readonly ResidentKeys _keys;
    private readonly TimeSpan _followUpWindow;
    private readonly int _cachedResidents;
    private readonly ILogger _logger;
    private readonly Channel<QuestionLogWrite> _pending = Channel.CreateBounded<QuestionLogWrite>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly SemaphoreSlim _opening = new(1, 1);
    private SqliteConnection? _writer;
    private QuestionLogRows? _rows;
    private Task? _loop;
    private long _dropped;

    /// <param name="databasePath">The log's SQLite file, created when missing.</param>
    /// <param name="keys">How resident ids are keyed.</param>
    /// <param name="followUpWindow">How soon after a question a rephrase or handoff counts against it.</param>
    /// <param name="logger">The log's logger.</param>
    /// <param name="cachedResidents">
    /// Residents whose latest question the writer holds in memory (<see cref="LatestQuestionCache"/>); 0 looks every one
    /// up in the file, which marks the same rows more slowly.
    /// </param>
    public QuestionLogStore(
        string databasePath,
        ResidentKeys keys,
        TimeSpan followUpWindow,
        ILogger<QuestionLogStore> logger,
        int cachedResidents = LatestQuestionCache.DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cachedResidents);
        _connections = new SqliteConnectionFactory(databasePath);
        _keys = keys;
        _followUpWindow = followUpWindow;
        _cachedResidents = cachedResidents;
        _logger = logger;
    }

    public string DatabasePath => _connections.DatabasePath;

    /// <summary>Writes dropped because the buffer was full or the log closed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Opens (creating or upgrading) the database and starts the writer loop.</summary>
    /// <exception cref="InvalidOperationException">The file is at a newer schema version than this code.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_loop is not null)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            var connection = _connections.Open();
            try
            {
                var found = await QuestionLogSchema.CreateAsync(connection, cancellationToken);
                _rows = new QuestionLogRows(connection, _keys, _followUpWindow, _cachedResidents);
                QuestionLogLog.Opened(_logger, DatabasePath, QuestionLogSchema.Version, found);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            _writer = connection;
            _loop = Task.Run(LoopAsync, CancellationToken.None);
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>The pseudonymous key stored for <paramref name="residentId"/>, to find a resident's rows.</summary>
    public string KeyOf(string residentId) => _keys.KeyOf(residentId);

    /// <summary>Queues <paramref name="question"/>; marks the resident's previous question rephrased per <see cref="RephraseRule"/>.</summary>
    public bool Record(QuestionRecord question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Offer(new QuestionLogWrite(QuestionLogWriteKind.Record, question.At, question.ResidentId, question));
    }

    /// <summary>Queues a pick: the resident chose <paramref name="entryId"/> from the clarify on their latest question.</summary>
    public bool MarkPicked(string residentId, string entryId, DateTimeOffset at) =>
        Offer(new QuestionLogWrite(QuestionLogWriteKind.Pick, at, residentId, EntryId: entryId));

    /// <summary>Queues a handoff: marks the resident's latest question asked within the follow-up window before <paramref name="at"/>.</summary>
    public bool MarkHandoff(string residentId, DateTimeOffset at) =>
        Offer(new QuestionLogWrite(QuestionLogWriteKind.Handoff, at, residentId));

    /// <summary>Completes once every write queued before the call is committed (or dropped as failed).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) =>
        SendAsync(new QuestionLogWrite(QuestionLogWriteKind.Flush, default), cancellationToken);

    /// <summary>Deletes the questions asked before <paramref name="before"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        SendAsync(new QuestionLogWrite(QuestionLogWriteKind.Prune, before), cancellationToken);

    /// <summary>
    /// Streams the questions asked in [<paramref name="from"/>, <paramref name="to"/>) in the order asked, only those
    /// with <paramref name="decision"/> when given, at most <paramref name="limit"/> (all when null). Reads on its own
    /// connection, so a long scan neither blocks nor is blocked by the writer (WAL); what it sees is the log as
    /// committed when the scan began.
    /// </summary>
    public async IAsyncEnumerable<LoggedQuestion> ListAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        SearchDecision? decision,
        int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            throw new InvalidOperationException("The question log is read before InitializeAsync opened it.");
        }

        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at, channel, conversation_kind, resident_key, text, decision, confidence, entry_id,
                   followed_by_handoff, rephrased
            FROM questions
            WHERE at >= $from AND at < $to AND ($decision IS NULL OR decision = $decision)
            ORDER BY at, id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$decision", decision is { } d ? QuestionLogText.Of(d) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit ?? -1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LoggedQuestion(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                QuestionLogText.ParseKind(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                QuestionLogText.ParseDecision(reader.GetString(6)),
                reader.GetDouble(7),
                await reader.IsDBNullAsync(8, cancellationToken) ? null : reader.GetString(8),
                reader.GetInt64(9) != 0,
                reader.GetInt64(10) != 0);
        }
    }

    /// <summary>
    /// The quality view over the questions asked in [<paramref name="from"/>, <paramref name="to"/>): per calendar day
    /// in <paramref name="utcOffset"/> (China: +8 h) the questions, answered, clarified, abstained, followed by a
    /// handoff, rephrased; the totals with rates; and at most <paramref name="worstEntries"/> entries that answered (or
    /// were picked) at least <see cref="QuestionLogQuality.MinAnswered"/> times, highest share followed by a rephrase
    /// or handoff first (ties: more answers first, then by id). Counted in SQLite on the reader's own connection, on
    /// one snapshot of what was committed; writes still queued are not counted.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>, the offset is not
    /// a whole number of minutes within ±14 h, or <paramref name="worstEntries"/> is negative.</exception>
    public async Task<QualityReport> QualityAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        TimeSpan utcOffset,
        int worstEntries,
        CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            throw new InvalidOperationException("The question log is read before InitializeAsync opened it.");
        }

        await using var connection = _connections.Open();
        return await QuestionLogQuality.ReadAsync(connection, from, to, utcOffset, worstEntries, cancellationToken);
    }

    /// <summary>Refuses new writes, commits the queued ones, then closes the writer connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_pending.Writer.TryComplete())
        {
            return;
        }

        if (_loop is not null)
        {
            await _loop;
        }

        _rows?.Dispose();
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _opening.Dispose();
    }

    private bool Offer(QuestionLogWrite write)
    {
        if (_pending.Writer.TryWrite(write))
        {
            return true;
        }

        // One warning per thousand drops: a stalled disk under a flood must not become a flood of log lines too.
        if (Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            QuestionLogLog.Dropped(_logger, Dropped);
        }

        return false;
    }

    private async Task<int> SendAsync(QuestionLogWrite write, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _pending.Writer.WriteAsync(write with { Completion = completion }, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException(nameof(QuestionLogStore), ex);
        }

        return await completion.Task.WaitAsync(cancellationToken);
    }

    private async Task LoopAsync()
    {
        var group = new List<QuestionLogWrite>(MaxGroup);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _pending.Reader.TryRead(out var write))
            {
                group.Add(write);
            }

            if (!TryCommit(group, out var failure) && group.Count > 1)
            {
                QuestionLogLog.GroupFailed(_logger, failure!, group.Count);
                foreach (var write in group)
                {
                    TryCommit([write], out _);
                }
            }

            group.Clear();
        }
    }

    /// <summary>
    /// Applies <paramref name="group"/> in one transaction. On success completes the awaited writes; on failure rolls
    /// back and, for a lone write, logs it and fails its awaiter.
    /// </summary>
    private bool TryCommit(List<QuestionLogWrite> group, out Exception? failure)
    {
        var results = new int[group.Count];
        try
        {
            using var transaction = _writer!.BeginTransaction();
            _rows!.Enlist(transaction);
            for (var i = 0; i < group.Count; i++)
            {
                results[i] = _rows.Apply(group[i]);
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the loop must live on: a dead loop would silently stop the log and hang flushes.
            _rows!.DiscardUncommitted();
            failure = ex;
            if (group.Count == 1)
            {
                QuestionLogLog.WriteFailed(_logger, ex, group[0].Kind);
                group[0].Completion?.TrySetException(ex);
            }

            return false;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Completion?.TrySetResult(results[i]);
        }

        failure = null;
        return true;
    }
}
