using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Bot.Tests.Dialogue.Storage;

/// <summary>
/// The writer loop's failure and cancellation paths. Each test holds SQLite's write lock from a second connection while
/// it queues, so every write waits for the same release whatever the loop had picked up by then.
/// </summary>
public sealed class DialogueWriteQueueTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = DialogueStates.At;

    private readonly TempDirectory _directory = new();
    private DialogueConnectionFactory _connections = null!;
    private DialogueWriteQueue _queue = null!;

    private string FilePath => _directory.Combine("dialogue.db");

    public async Task InitializeAsync()
    {
        _connections = new DialogueConnectionFactory(FilePath);
        var writer = _connections.Open();
        await DialogueSchema.CreateAsync(writer, NullLogger.Instance, CancellationToken.None);
        _queue = new DialogueWriteQueue(writer, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        await _queue.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task EnqueueAsync_FailsOnlyTheThrowingWrite_WhenItSharesAGroupWithGoodOnes()
    {
        Task<int> first, bad, last;
        await using (await HoldWriteLockAsync())
        {
            first = _queue.EnqueueAsync(rows => rows.MarkHandled("c", "m-1", At) ? 1 : 0, CancellationToken.None);
            bad = _queue.EnqueueAsync(rows => rows.MarkHandled("c", "m-2", At) ? throw new InvalidOperationException("bad write") : 0, CancellationToken.None);
            last = _queue.EnqueueAsync(rows => rows.MarkHandled("c", "m-3", At) ? 1 : 0, CancellationToken.None);
        }

        Assert.Equal(1, await first);
        Assert.Equal("bad write", (await Assert.ThrowsAsync<InvalidOperationException>(() => bad)).Message);
        Assert.Equal(1, await last);
        Assert.Equal(["m-1", "m-3"], await HandledIdsAsync());
    }

    [Fact]
    public async Task EnqueueAsync_WithdrawsTheWrite_WhenCancelledWhileQueued()
    {
        using var cancellation = new CancellationTokenSource();
        Task<int> kept, withdrawn;
        await using (await HoldWriteLockAsync())
        {
            kept = _queue.EnqueueAsync(rows => rows.MarkHandled("c", "m-1", At) ? 1 : 0, CancellationToken.None);
            withdrawn = _queue.EnqueueAsync(rows => rows.MarkHandled("c", "m-2", At) ? 1 : 0, cancellation.Token);
            await cancellation.CancelAsync();
        }

        Assert.Equal(1, await kept);
        await Assert.ThrowsAsync<TaskCanceledException>(() => withdrawn);
        Assert.Equal(["m-1"], await HandledIdsAsync());
    }

    [Fact]
    public async Task EnqueueAsync_FailsWithObjectDisposed_AfterDispose()
    {
        await _queue.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _queue.EnqueueAsync(_ => 0, CancellationToken.None));
    }

    /// <summary>Begins an immediate transaction on a connection of its own; disposing it rolls back and lets the writer in.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var blocker = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await blocker.OpenAsync();
        await using var begin = new SqliteCommand("BEGIN IMMEDIATE", blocker);
        await begin.ExecuteNonQueryAsync();
        return blocker;
    }

    private async Task<List<string>> HandledIdsAsync()
    {
        await using var connection = _connections.Open();
        await using var command = new SqliteCommand("SELECT message_id FROM handled_messages ORDER BY message_id", connection);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
