using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// Group commit for the ticket database. Writers queue their work; one loop owns the writer connection and runs
/// whatever is waiting in one transaction, each piece of work inside a savepoint of its own, then commits once. Under
/// synchronous=FULL a commit costs one fsync whatever it carries, so while one group is being synced the next fills
/// up: at concurrency 1 every commit carries one write, under load many. A caller's task completes only after the
/// commit that carried its write succeeded; a write that throws is rolled back to its savepoint and fails alone, and
/// a failed commit fails every write of its group (none of them is stored).
/// </summary>
internal sealed class TicketWriteQueue : IDisposable, IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a flood is committed in steps and its first callers hear back early.</summary>
    private const int MaxWritesPerCommit = 512;

    private readonly SqliteConnection _connection;
    private readonly TicketRowWriter _rows;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackToSavepoint;
    private readonly ILogger _logger;
    private readonly Channel<TicketWriteRequest> _queue =
        Channel.CreateUnbounded<TicketWriteRequest>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _loop;
    private long _commits;
    private long _writes;

    /// <summary>Takes over <paramref name="connection"/> (open, schema in place) and starts the writer loop.</summary>
    public TicketWriteQueue(SqliteConnection connection, TimeProvider timeProvider, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _rows = new TicketRowWriter(connection, timeProvider);
        _savepoint = new SqliteCommand("SAVEPOINT write", connection);
        _release = new SqliteCommand("RELEASE write", connection);
        _rollbackToSavepoint = new SqliteCommand("ROLLBACK TO write", connection);
        _loop = Task.Run(RunAsync);
    }

    public TicketWriteStatistics Statistics => new(Interlocked.Read(ref _commits), Interlocked.Read(ref _writes));

    /// <summary>
    /// Queues <paramref name="work"/> and completes once it is committed. <paramref name="cancellationToken"/> cancels
    /// the write only while it waits; once its group has begun it runs, and the task reports what happened to it.
    /// </summary>
    public Task WriteAsync(Func<TicketRowWriter, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new TicketWriteRequest(work, cancellationToken);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(TicketStore));
        }

        return request.Completion;
    }

    /// <summary>Stops taking writes, commits those already queued, then closes the writer connection.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait();
        Close();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        Close();
    }

    private void Close()
    {
        _rows.Dispose();
        _savepoint.Dispose();
        _release.Dispose();
        _rollbackToSavepoint.Dispose();
        _connection.Dispose();
    }

    private async Task RunAsync()
    {
        var group = new List<TicketWriteRequest>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (group.Count < MaxWritesPerCommit && reader.TryRead(out var request))
            {
                group.Add(request);
            }

            await CommitAsync(group);
            group.Clear();
        }
    }

    /// <summary>Runs <paramref name="group"/> in one transaction and completes every request; never throws.</summary>
    private async Task CommitAsync(List<TicketWriteRequest> group)
    {
        var failures = new Exception?[group.Count];
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(CancellationToken.None);
            _rows.Enlist(transaction);
            _savepoint.Transaction = _release.Transaction = _rollbackToSavepoint.Transaction = transaction;
            for (var i = 0; i < group.Count; i++)
            {
                var request = group[i];
                if (request.CancellationToken.IsCancellationRequested)
                {
                    failures[i] = new OperationCanceledException(request.CancellationToken);
                    continue;
                }

                await _savepoint.ExecuteNonQueryAsync(CancellationToken.None);
                try
                {
                    await request.Work(_rows, request.CancellationToken);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Undoes this write only (its number increment included); the group goes on.
                    failures[i] = ex;
                    await _rollbackToSavepoint.ExecuteNonQueryAsync(CancellationToken.None);
                }

                await _release.ExecuteNonQueryAsync(CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nothing of the group is stored (an uncommitted transaction is rolled back when disposed), so every
            // caller hears of a failure: its own if its write had failed already, the commit's otherwise.
            Log.WriteGroupFailed(_logger, ex, group.Count);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Fail(failures[i] ?? ex);
            }

            return;
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                group[i].Fail(failure);
            }
            else
            {
                group[i].Succeed();
            }
        }
    }
}
