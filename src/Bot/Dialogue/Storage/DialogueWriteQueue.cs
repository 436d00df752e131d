using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// The single writer of <c>dialogue.db</c>, committing in groups. Callers queue writes; one loop owns the writer
/// connection, takes everything waiting (up to <see cref="MaxGroup"/>), runs it in one transaction and commits once,
/// so one fsync serves every message handled meanwhile: alone, a write commits by itself; under load, hundreds share a
/// commit. Each caller's task completes after the commit that carried its write.
/// </summary>
/// <remarks>
/// A group that fails (a write throws, or the commit does) is rolled back whole and each of its writes is then run in
/// a transaction of its own, so one bad write fails alone and the others still commit. Failures are bugs or a broken
/// disk, not the normal path (a repeated message id is a result, not an error), so this costs nothing in the common
/// case and needs no savepoint per write.
/// </remarks>
internal sealed class DialogueWriteQueue : IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a burst commits in steps and its first callers hear back early.</summary>
    public const int MaxGroup = 500;

    private readonly SqliteConnection _connection;
    private readonly DialogueRowWriter _rows;
    private readonly ILogger _logger;
    private readonly Channel<DialogueWrite> _pending =
        Channel.CreateUnbounded<DialogueWrite>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _loop;
    private long _commits;
    private long _writes;

    /// <summary>Takes over <paramref name="connection"/> (open, schema current) and starts the loop.</summary>
    public DialogueWriteQueue(SqliteConnection connection, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _rows = new DialogueRowWriter(connection);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes those transactions carried.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>
    /// Queues <paramref name="work"/> (quick, no I/O of its own: it runs on the loop inside the group's transaction) and
    /// returns its result once committed. <paramref name="cancellationToken"/> withdraws the write only while it waits.
    /// </summary>
    public Task<int> EnqueueAsync(Func<DialogueRowWriter, int> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<int>(cancellationToken);
        }

        var write = new DialogueWrite(work, cancellationToken);
        return _pending.Writer.TryWrite(write)
            ? write.Result
            : Task.FromException<int>(new ObjectDisposedException(nameof(SqliteDialogueStore)));
    }

    /// <summary>Refuses new writes, commits the queued ones, then closes the writer connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_pending.Writer.TryComplete())
        {
            await _loop;
            _rows.Dispose();
            await _connection.DisposeAsync();
        }
    }

    private async Task LoopAsync()
    {
        var group = new List<DialogueWrite>(MaxGroup);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _pending.Reader.TryRead(out var write))
            {
                group.Add(write);
            }

            try
            {
                RunGroup(group);
            }
            catch (Exception ex) when (group.Count > 1)
            {
                DialogueStoreLog.GroupFailed(_logger, ex, group.Count);
                foreach (var write in group)
                {
                    RunAlone(write);
                }
            }
            catch (Exception ex)
            {
                DialogueStoreLog.WriteFailed(_logger, ex);
                group[0].Fail(ex);
            }

            group.Clear();
        }
    }

    private void RunAlone(DialogueWrite write)
    {
        try
        {
            RunGroup([write]);
        }
        catch (Exception ex)
        {
            DialogueStoreLog.WriteFailed(_logger, ex);
            write.Fail(ex);
        }
    }

    /// <summary>Runs <paramref name="group"/> in one transaction; completes its writes only if the commit succeeds.</summary>
    private void RunGroup(IReadOnlyList<DialogueWrite> group)
    {
        var results = new int?[group.Count];
        using (var transaction = _connection.BeginTransaction())
        {
            _rows.Enlist(transaction);
            for (var i = 0; i < group.Count; i++)
            {
                if (!group[i].CancellationToken.IsCancellationRequested)
                {
                    results[i] = group[i].Run(_rows);
                }
            }

            transaction.Commit();
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i] is { } result)
            {
                group[i].Complete(result);
            }
            else
            {
                group[i].Cancel();
            }
        }
    }
}
