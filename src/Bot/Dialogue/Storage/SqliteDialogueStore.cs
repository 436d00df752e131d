using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// <see cref="IDialogueStore"/> on one SQLite file (<c>dialogue.db</c>). Writes go through one writer loop that commits
/// whatever is queued in one transaction (<see cref="DialogueWriteQueue"/>); a write's task completes once it is
/// durable (synchronous=FULL, see <see cref="DialogueConnectionFactory"/>). Reads use connections of their own and never
/// wait on the writer (WAL); a state or contact read or written before is served from a <see cref="DialogueCache"/>.
/// Thread-safe.
/// </summary>
/// <remarks>
/// <see cref="CommitAsync"/> stamps the handled message with this store's clock, which is what
/// <see cref="PruneHandledMessagesAsync"/> compares. A contact saved without a private or group conversation keeps the
/// one stored before. An idle state carrying nothing (no draft, choices, ticket, streak, expiry, grid or origin) is
/// deleted rather than stored, so it reads back as null.
/// </remarks>
internal sealed class SqliteDialogueStore : IDialogueStore, IAsyncDisposable
{
    internal const string GetSql =
        "SELECT state FROM dialogues WHERE channel = $channel AND conversation_id = $conversationId AND sender_id = $senderId";

    // The inner select takes the page's rowids off dialogues_expiring alone; only those rows are then read whole.
    internal const string ListExpiredSql = """
        SELECT state FROM dialogues WHERE rowid IN (
            SELECT rowid FROM dialogues WHERE expires_at <= $now ORDER BY expires_at LIMIT $limit)
        ORDER BY expires_at, rowid
        """;

    internal const string FindByTicketSql = "SELECT state FROM dialogues WHERE ticket_number = $ticketNumber ORDER BY updated_at";

    internal const string ListInConversationSql = """
        SELECT state FROM dialogues
        WHERE channel = $channel AND conversation_id = $conversationId AND mode = $mode
        ORDER BY updated_at, sender_id
        """;

    private readonly DialogueConnectionFactory _connections;
    private readonly DialogueWriteQueue _writes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly DialogueCache _cache = new();
    private readonly ConcurrentBag<DialogueReadSession> _readers = [];

    private SqliteDialogueStore(DialogueConnectionFactory connections, DialogueWriteQueue writes, TimeProvider timeProvider, ILogger logger)
    {
        _connections = connections;
        _writes = writes;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Transactions committed since the store was opened; with <see cref="WriteCount"/>, how well writes are grouped.</summary>
    public long CommitCount => _writes.Commits;

    /// <summary>Writes committed (or withdrawn) since the store was opened.</summary>
    public long WriteCount => _writes.Writes;

    /// <summary>
    /// Opens <paramref name="databasePath"/>, creating it (and its folder) or upgrading its schema as needed; throws
    /// <see cref="InvalidOperationException"/> if the file is at a newer schema version than this code.
    /// </summary>
    public static async Task<SqliteDialogueStore> OpenAsync(string databasePath, TimeProvider timeProvider, ILogger logger, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connections = new DialogueConnectionFactory(databasePath);
        var writer = connections.Open();
        try
        {
            await DialogueSchema.CreateAsync(writer, logger, ct);
            return new SqliteDialogueStore(connections, new DialogueWriteQueue(writer, logger), timeProvider, logger);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    public async Task<DialogueState?> GetAsync(DialogueKey key, CancellationToken cancellationToken)
    {
        if (_cache.TryGetState(key, out var cached))
        {
            return cached;
        }

        var session = RentReader();
        string? json;
        try
        {
            json = await session.ReadStateAsync(key, cancellationToken);
        }
        finally
        {
            ReturnReader(session);
        }

        var state = json is null ? null : ParseState(json);
        _cache.SetState(key, state);
        return state;
    }

    public async Task<bool> WasHandledAsync(string channel, string messageId, CancellationToken cancellationToken)
    {
        var session = RentReader();
        try
        {
            return await session.WasHandledAsync(channel, messageId, cancellationToken);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    public async Task<bool> CommitAsync(string channel, string messageId, IReadOnlyList<DialogueState> states, ResidentContact? contact, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(states);
        var handled = await _writes.EnqueueAsync(
            rows =>
            {
                if (!rows.MarkHandled(channel, messageId, _timeProvider.GetUtcNow()))
                {
                    return 0;
                }

                foreach (var state in states)
                {
                    rows.Put(state);
                }

                if (contact is not null)
                {
                    rows.PutContact(contact);
                }

                return 1;
            },
            cancellationToken);
        if (handled != 1)
        {
            return false;
        }

        Remember(states);
        if (contact is not null)
        {
            _cache.ForgetContact(contact.ResidentId);
        }

        return true;
    }

    /// <summary>Puts committed states in the cache as the file now holds them (a blank idle state as no row).</summary>
    private void Remember(IReadOnlyList<DialogueState> states)
    {
        foreach (var state in states)
        {
            _cache.SetState(state.Key, DialogueRowWriter.IsBlank(state) ? null : state);
        }
    }

    public async Task SaveAsync(IReadOnlyList<DialogueState> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            return;
        }

        await _writes.EnqueueAsync(
            rows =>
            {
                foreach (var state in states)
                {
                    rows.Put(state);
                }

                return states.Count;
            },
            cancellationToken);
        Remember(states);
    }

    public Task<IReadOnlyList<DialogueState>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadStatesAsync(
            ListExpiredSql,
            [("$now", DialogueTime.Format(now)), ("$limit", limit)],
            cancellationToken);
    }

    public Task<IReadOnlyList<DialogueState>> FindByTicketAsync(string ticketNumber, CancellationToken cancellationToken) =>
        ReadStatesAsync(
            FindByTicketSql,
            [("$ticketNumber", ticketNumber)],
            cancellationToken);

    public Task<IReadOnlyList<DialogueState>> ListInConversationAsync(string channel, string conversationId, DialogueMode mode, CancellationToken cancellationToken) =>
        ReadStatesAsync(
            ListInConversationSql,
            [("$channel", channel), ("$conversationId", conversationId), ("$mode", mode.ToString())],
            cancellationToken);

    public async Task<ResidentContact?> GetContactAsync(string residentId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetContact(residentId, out var cached))
        {
            return cached;
        }

        var contact = await ReadContactAsync(residentId, cancellationToken);
        _cache.SetContact(residentId, contact);
        return contact;
    }

    private async Task<ResidentContact?> ReadContactAsync(string residentId, CancellationToken cancellationToken)
    {
        var session = RentReader();
        try
        {
            return await session.ReadContactAsync(residentId, cancellationToken);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    /// <summary>
    /// Forgets handled message ids recorded before <paramref name="before"/> (by this store's clock) and returns how
    /// many. Runs in steps of <see cref="DialogueRowWriter.PruneBatch"/>, each its own queued write, so messages keep
    /// committing in between. A message redelivered after its id is pruned is handled again: keep ids longer than a
    /// channel may redeliver.
    /// </summary>
    public async Task<int> PruneHandledMessagesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var total = 0;
        int step;
        do
        {
            step = await _writes.EnqueueAsync(rows => rows.PruneStep(before), cancellationToken);
            total += step;
        }
        while (step == DialogueRowWriter.PruneBatch);

        DialogueStoreLog.HandledMessagesPruned(_logger, total, before);
        return total;
    }

    /// <summary>SQLite's plan (EXPLAIN QUERY PLAN, one line per step) for one of the …Sql reads; tests hold each to its index.</summary>
    [SuppressMessage("Security", "CA2100", Justification = "Prefixes one of this class's constant statements; parameters stay unbound.")]
    internal async Task<IReadOnlyList<string>> ExplainAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = new SqliteCommand("EXPLAIN QUERY PLAN " + sql, connection);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    /// <summary>Commits the writes already queued, then closes the writer; later writes throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        while (_readers.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private DialogueReadSession RentReader() =>
        _readers.TryTake(out var session) ? session : new DialogueReadSession(_connections.Open());

    private void ReturnReader(DialogueReadSession session) => _readers.Add(session);

    private static DialogueState ParseState(string json) =>
        JsonSerializer.Deserialize(json, DialogueJsonContext.Default.DialogueState)
            ?? throw new InvalidDataException("A stored dialogue state is null.");

    [SuppressMessage("Security", "CA2100", Justification = "Called with this class's constant statements only; every value is a parameter.")]
    private async Task<IReadOnlyList<DialogueState>> ReadStatesAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = new SqliteCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var states = new List<DialogueState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(ParseState(reader.GetString(0)));
        }

        return states;
    }
}
