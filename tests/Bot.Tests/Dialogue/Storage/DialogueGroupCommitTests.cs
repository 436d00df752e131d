using System.Diagnostics;
using CitizenBot.Bot.Dialogue;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using static CitizenBot.Bot.Tests.Dialogue.Storage.DialogueStates;

namespace CitizenBot.Bot.Tests.Dialogue.Storage;

/// <summary>
/// Many commits at once. To make grouping independent of timing, a test can hold SQLite's write lock from a second
/// connection: the writer loop then waits in BEGIN with at most its first group, every later commit queues up behind
/// it, and releasing the lock lets them through in as few transactions as the group bound allows.
/// </summary>
public sealed class DialogueGroupCommitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly DialogueDatabase _database = new();
    private CitizenBot.Bot.Dialogue.Storage.SqliteDialogueStore _store = null!;

    public async Task InitializeAsync() => _store = await _database.OpenAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CommitAsync_StoresEveryMessageOnce_WhenManyCommitInParallel()
    {
        const int Residents = 200;
        const int MessagesEach = 10;

        // Each resident's messages commit in order (as the engine serializes per dialogue); residents run in parallel,
        // and every message is delivered twice at once.
        var results = await Task.WhenAll(Enumerable.Range(0, Residents).Select(async r =>
        {
            var outcomes = new List<bool>();
            for (var m = 0; m < MessagesEach; m++)
            {
                var state = Pending("u-" + r) with { AbstainStreak = m + 1 };
                var messageId = $"m-{r}-{m}";
                var twice = await Task.WhenAll(
                    _store.CommitAsync(Channel, messageId, [state], Contact("u-" + r, null, Group, At), None),
                    _store.CommitAsync(Channel, messageId, [state with { AbstainStreak = -1 }], null, None));
                outcomes.AddRange(twice);
            }

            return outcomes;
        }));

        Assert.All(results, outcomes => Assert.Equal(MessagesEach, outcomes.Count(handled => handled)));
        for (var r = 0; r < Residents; r++)
        {
            var stored = await _store.GetAsync(Key("u-" + r), None);
            Assert.Equal(MessagesEach, stored!.AbstainStreak);
            Assert.NotNull(await _store.GetContactAsync("r-u-" + r, None));
        }
    }

    [Fact]
    public async Task CommitAsync_SharesTransactions_WhenCommitsQueueBehindABusyWriter()
    {
        const int Messages = 1000;
        var commitsBefore = _store.CommitCount;
        var writesBefore = _store.WriteCount;
        Task<bool>[] commits;
        await using (var blocker = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var hold = (SqliteTransaction)await blocker.BeginTransactionAsync();
            commits = [.. Enumerable.Range(0, Messages).Select(i => _store.CommitAsync(Channel, "m-" + i, [Pending("u-" + i)], null, None))];
        }

        var handled = await Task.WhenAll(commits);

        Assert.All(handled, Assert.True);
        Assert.Equal(Messages, _store.WriteCount - writesBefore);

        // The first group the loop took before meeting the lock, then the rest in groups of at most 500.
        Assert.InRange(_store.CommitCount - commitsBefore, 1, 3);
    }

    /// <summary>A measurement, not a check: how many messages a second commit (one state and one contact each).</summary>
    [Fact]
    public async Task CommitAsync_ReportsThroughput_WithManyConcurrentResidents()
    {
        const int Concurrency = 256;
        const int Messages = 10_000;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Messages; i = Interlocked.Increment(ref next))
            {
                var sender = "u-" + (i % 5000);
                var state = Pending(sender) with { Mode = DialogueMode.Form, Draft = Full(sender).Draft };
                Assert.True(await _store.CommitAsync(Channel, "m-" + i, [state], Contact(sender, null, Group, At), None));
            }
        })));
        clock.Stop();

        output.WriteLine(
            $"{Messages} commits in {clock.Elapsed.TotalSeconds:F2} s = {Messages / clock.Elapsed.TotalSeconds:F0}/s; " +
            $"{_store.CommitCount} transactions, {(double)_store.WriteCount / _store.CommitCount:F1} writes each");
        Assert.Equal(Messages, _store.WriteCount);
    }
}
