using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

/// <summary>
/// Group commit: writes queued while the writer is busy go into one transaction, each in a savepoint of its own.
/// Each test holds the writer inside a first write (a build callback blocked on a gate), queues the writes it wants
/// grouped, then opens the gate, so what shares a commit does not depend on timing.
/// </summary>
public sealed class TicketGroupCommitTests : IAsyncLifetime
{
    private static readonly DateOnly Day = StoredTickets.Day;

    private readonly TicketDatabase _database = new();
    private TicketStore _store = null!;

    public async Task InitializeAsync() => _store = await _database.OpenAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task InsertNewAsync_CommitsQueuedWritesTogether_WhenWriterWasBusy()
    {
        var before = _store.WriteStatistics;
        await using var gate = await HoldWriterAsync();

        var queued = Enumerable.Range(0, 50).Select(_ => InsertNewAsync()).ToArray();
        gate.Open();
        var tickets = await Task.WhenAll(queued);
        await gate.Held;

        Assert.Equal(Enumerable.Range(2, 50), tickets.Select(t => t.Number.Sequence));
        var after = _store.WriteStatistics;
        Assert.Equal((2L, 51L), (after.Commits - before.Commits, after.Writes - before.Writes));
        var listed = await _store.ListAsync(new TicketQuery { Limit = 100 }, CancellationToken.None);
        Assert.Equal(51, listed.Count);
    }

    [Fact]
    public async Task WriteAsync_FailsOnlyTheFailingWrites_WhenGroupedWithGoodOnes()
    {
        var existing = StoredTickets.Submitted(900);
        await _store.InsertAsync(existing, null, null, CancellationToken.None);
        var stale = (await _store.GetAsync(existing.Number, CancellationToken.None))!;
        var fresh = (await _store.GetAsync(existing.Number, CancellationToken.None))!;
        fresh.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, TicketBuilder.SubmittedAt.AddMinutes(1));
        await _store.SaveAsync(fresh, 1, null, null, CancellationToken.None);
        stale.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, TicketBuilder.SubmittedAt.AddMinutes(2));
        var before = _store.WriteStatistics;
        await using var gate = await HoldWriterAsync();

        var first = InsertNewAsync();
        var duplicate = _store.InsertAsync(StoredTickets.Submitted(900), null, null, CancellationToken.None);
        var badBuild = _store.InsertNewAsync(Day, _ => throw new ArgumentException("no such category"), CancellationToken.None);
        var conflict = _store.SaveAsync(stale, 1, null, null, CancellationToken.None);
        var last = InsertNewAsync();
        gate.Open();

        Assert.Equal(2, (await first).Number.Sequence);
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        await Assert.ThrowsAsync<ArgumentException>(() => badBuild);
        await Assert.ThrowsAsync<TicketConcurrencyException>(() => conflict);
        // The failed build's number was rolled back with it, so the next ticket takes it.
        Assert.Equal(3, (await last).Number.Sequence);
        Assert.Equal(2, _store.WriteStatistics.Commits - before.Commits);
        StoredTickets.AssertSame(await last, (await _store.GetAsync((await last).Number, CancellationToken.None))!);
        StoredTickets.AssertSame(fresh, (await _store.GetAsync(existing.Number, CancellationToken.None))!);
    }

    [Fact]
    public async Task SaveAsync_LetsExactlyOneWin_WhenTwoSavesFromOneVersionShareACommit()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Assigned);
        await _store.InsertAsync(builder.Build(), null, null, CancellationToken.None);
        var number = TicketNumber.Create(Day, 7);
        var accepting = (await _store.GetAsync(number, CancellationToken.None))!;
        var noting = (await _store.GetAsync(number, CancellationToken.None))!;
        var loaded = accepting.Version;
        accepting.Accept(TicketBuilder.Worker, builder.Tick());
        noting.AddNote(TicketBuilder.Worker, "现场查看", builder.Tick());
        await using var gate = await HoldWriterAsync();

        var won = _store.SaveAsync(accepting, loaded, null, null, CancellationToken.None);
        var lost = _store.SaveAsync(noting, loaded, null, null, CancellationToken.None);
        gate.Open();

        await won;
        var error = await Assert.ThrowsAsync<TicketConcurrencyException>(() => lost);
        Assert.Equal((number, loaded), (error.Number, error.ExpectedVersion));
        StoredTickets.AssertSame(accepting, (await _store.GetAsync(number, CancellationToken.None))!);
    }

    [Fact]
    public async Task WriteAsync_SkipsTheWrite_WhenCancelledWhileQueued()
    {
        await using var gate = await HoldWriterAsync();
        using var cancellation = new CancellationTokenSource();

        var cancelled = _store.InsertNewAsync(Day, StoredBuild, cancellation.Token);
        var next = InsertNewAsync();
        await cancellation.CancelAsync();
        gate.Open();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(2, (await next).Number.Sequence);
    }

    [Fact]
    public async Task DisposeAsync_CommitsQueuedWrites_AndReopenedStoreHasThemAll()
    {
        var submitted = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(InsertNewAsync)));
        var queuedAtClose = InsertNewAsync();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();

        _store = await _database.OpenAsync();

        var last = await queuedAtClose;
        Assert.Equal(Enumerable.Range(1, 201), submitted.Append(last).Select(t => t.Number.Sequence).Order());
        foreach (var ticket in submitted.Append(last))
        {
            StoredTickets.AssertSame(ticket, (await _store.GetAsync(ticket.Number, CancellationToken.None))!);
        }

        Assert.Equal(202, (await _store.NextNumberAsync(Day, CancellationToken.None)).Sequence);
    }

    [Fact]
    public async Task WriteAsync_Throws_WhenStoreIsDisposed()
    {
        var closed = await _database.OpenAsync();
        await closed.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => closed.NextNumberAsync(Day, CancellationToken.None));
    }

    private static TicketInsert StoredBuild(TicketNumber number)
    {
        var ticket = Ticket.Submit(
            number,
            "lighting.stairwell",
            UrgencyGrade.Blue,
            "楼道灯不亮",
            new TicketLocation(TicketBuilder.GridId, "红桥区某某里"),
            new Reporter("wx-1", "13800000000"),
            [],
            TicketBuilder.SubmittedAt);
        ticket.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, TicketBuilder.SubmittedAt);
        return new TicketInsert(ticket, TicketBuilder.SubmittedAt.AddHours(1), "AcceptOverdue");
    }

    private Task<Ticket> InsertNewAsync() => _store.InsertNewAsync(Day, StoredBuild, CancellationToken.None);

    /// <summary>Starts a write whose build blocks the writer loop until <see cref="WriterGate.Open"/>; returns once it is blocked.</summary>
    private async Task<WriterGate> HoldWriterAsync()
    {
        var gate = new WriterGate();
        gate.Held = _store.InsertNewAsync(
            Day,
            number =>
            {
                gate.Entered.TrySetResult();
                gate.Release.Wait();
                return StoredBuild(number);
            },
            CancellationToken.None);
        await gate.Entered.Task;
        return gate;
    }

    private sealed class WriterGate : IAsyncDisposable
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new();

        public Task Held { get; set; } = Task.CompletedTask;

        public void Open() => Release.Set();

        public async ValueTask DisposeAsync()
        {
            Open();
            await Held;
            Release.Dispose();
        }
    }
}
