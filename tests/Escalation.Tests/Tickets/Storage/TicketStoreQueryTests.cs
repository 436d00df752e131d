using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

public sealed class TicketStoreQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TicketBuilder.SubmittedAt.AddDays(1);

    private readonly TicketDatabase _database = new();
    private TicketStore _store = null!;

    public async Task InitializeAsync() => _store = await _database.OpenAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ListDueAsync_ReturnsOnlyDueTicketsInDueOrder_WhenSomeAreNotDue()
    {
        await _store.InsertAsync(StoredTickets.Submitted(1), Now.AddMinutes(-5), "accept", CancellationToken.None);
        await _store.InsertAsync(StoredTickets.Submitted(2), Now.AddMinutes(5), "accept", CancellationToken.None);
        await _store.InsertAsync(StoredTickets.Submitted(3), Now.AddHours(-2), "warn", CancellationToken.None);
        await _store.InsertAsync(StoredTickets.Submitted(4), Now, "resolve", CancellationToken.None);
        await _store.InsertAsync(StoredTickets.Submitted(5), null, null, CancellationToken.None);

        var due = await _store.ListDueAsync(Now, 10, CancellationToken.None);

        Assert.Equal([3, 1, 4], due.Select(d => d.Number.Sequence));
        Assert.Equal(["warn", "accept", "resolve"], due.Select(d => d.Kind));
        Assert.Equal(Now.AddHours(-2), due[0].DueAt);
    }

    [Fact]
    public async Task ListDueAsync_RespectsLimit_WhenMoreAreDue()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _store.InsertAsync(StoredTickets.Submitted(i), Now.AddMinutes(-i), "accept", CancellationToken.None);
        }

        var due = await _store.ListDueAsync(Now, 2, CancellationToken.None);

        Assert.Equal([5, 4], due.Select(d => d.Number.Sequence));
    }

    [Fact]
    public async Task ListDueAsync_SkipsTicket_WhenClosedWithNoDeadline()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Resolved);
        var ticket = builder.Build();
        await _store.InsertAsync(ticket, Now.AddDays(-1), "auto-close", CancellationToken.None);
        var version = ticket.Version;
        ticket.Rate(Rating.Satisfied, builder.Tick());

        await _store.SaveAsync(ticket, version, null, null, CancellationToken.None);

        Assert.Empty(await _store.ListDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ListDueAsync_ComparesInstants_WhenNowHasAnotherOffset()
    {
        await _store.InsertAsync(StoredTickets.Submitted(1), Now, "accept", CancellationToken.None);

        Assert.Single(await _store.ListDueAsync(Now.ToOffset(TimeSpan.FromHours(-5)), 10, CancellationToken.None));
        Assert.Empty(await _store.ListDueAsync(Now.ToOffset(TimeSpan.FromHours(8)).AddTicks(-1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_FiltersByEveryField_WhenCombined()
    {
        await SeedAsync();

        Assert.Equal(new[] { 1, 2, 3, 4 }, await SequencesAsync(new TicketQuery()));
        Assert.Equal(new[] { 1 }, await SequencesAsync(new TicketQuery { Statuses = [TicketStatus.Submitted] }));
        Assert.Equal(new[] { 2, 3, 4 }, await SequencesAsync(new TicketQuery { Statuses = [TicketStatus.Assigned, TicketStatus.Accepted] }));
        Assert.Empty(await SequencesAsync(new TicketQuery { Statuses = [] }));
        Assert.Equal(new[] { 4 }, await SequencesAsync(new TicketQuery { HolderNodeIds = ["hq"] }));
        Assert.Equal(new[] { 2, 3, 4 }, await SequencesAsync(new TicketQuery { GridNodeIds = [TicketBuilder.GridId] }));
        Assert.Equal(new[] { 1 }, await SequencesAsync(new TicketQuery { GridNodeIds = ["g-b2"] }));
        Assert.Equal(new[] { 4 }, await SequencesAsync(new TicketQuery { Supervised = true }));
        Assert.Equal(new[] { 1, 2, 3 }, await SequencesAsync(new TicketQuery { Supervised = false }));
        Assert.Equal(new[] { 2, 3 }, await SequencesAsync(new TicketQuery
        {
            SubmittedFrom = TicketBuilder.SubmittedAt.AddMinutes(10),
            SubmittedBefore = TicketBuilder.SubmittedAt.AddMinutes(30),
        }));
        Assert.Equal(new[] { 3 }, await SequencesAsync(new TicketQuery { GridNodeIds = [TicketBuilder.GridId], Supervised = false, Statuses = [TicketStatus.Accepted] }));
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyThatResidentsTickets_WhenReporterIdGiven()
    {
        await SeedAsync();
        foreach (var (sequence, reporter) in ((int, string)[])[(6, "wx-zhang"), (5, "wx-zhang"), (7, "wx-zhang2"), (8, "WX-ZHANG")])
        {
            await _store.InsertAsync(StoredTickets.Submitted(sequence, minutesAfter: sequence, reporter: reporter), null, null, CancellationToken.None);
        }

        Assert.Equal(new[] { 5, 6 }, await SequencesAsync(new TicketQuery { ReporterId = "wx-zhang" }));
        Assert.Equal(new[] { 2 }, await SequencesAsync(new TicketQuery { ReporterId = "wx-2" }));
        Assert.Empty(await SequencesAsync(new TicketQuery { ReporterId = "wx-2", Statuses = [TicketStatus.Submitted] }));
        Assert.Empty(await SequencesAsync(new TicketQuery { ReporterId = "wx-nobody" }));
    }

    [Fact]
    public async Task ListAsync_ReturnsPages_WhenLimitAndOffsetGiven()
    {
        await SeedAsync();

        Assert.Equal(new[] { 1, 2 }, await SequencesAsync(new TicketQuery { Limit = 2 }));
        Assert.Equal(new[] { 3, 4 }, await SequencesAsync(new TicketQuery { Limit = 2, Offset = 2 }));
        Assert.Empty(await SequencesAsync(new TicketQuery { Limit = 2, Offset = 4 }));
    }

    [Fact]
    public async Task ListAsync_ReturnsWholeTickets_WhenListed()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Closed).AtLevel(OrgLevel.Community);
        var ticket = builder.Build();
        await _store.InsertAsync(ticket, null, null, CancellationToken.None);

        StoredTickets.AssertSame(ticket, Assert.Single(await _store.ListAsync(new TicketQuery(), CancellationToken.None)));
    }

    /// <summary>1: submitted in g-b2 at +0; 2: assigned at +10; 3: accepted at +20; 4: escalated to the district (so assigned) and supervised at +30.</summary>
    private async Task SeedAsync()
    {
        var at = TicketBuilder.SubmittedAt;
        var submitted = StoredTickets.Submitted(1, "g-b2");
        var assigned = StoredTickets.Submitted(2, minutesAfter: 10);
        assigned.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, at.AddMinutes(11));
        var accepted = StoredTickets.Submitted(3, minutesAfter: 20);
        accepted.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, at.AddMinutes(21));
        accepted.Accept(TicketBuilder.Worker, at.AddMinutes(22));
        var supervised = StoredTickets.Submitted(4, minutesAfter: 30);
        supervised.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, at.AddMinutes(31));
        foreach (var level in (OrgLevel[])[OrgLevel.Community, OrgLevel.Street, OrgLevel.District])
        {
            supervised.Escalate(level, TicketBuilder.Chain.NodeAt(level), "超时", at.AddMinutes(32));
        }

        supervised.FlagSupervised("区级督办", at.AddMinutes(33));

        // Inserted out of order: the list is ordered by submission time, not by insertion.
        foreach (var ticket in (Ticket[])[supervised, accepted, submitted, assigned])
        {
            await _store.InsertAsync(ticket, null, null, CancellationToken.None);
        }
    }

    private async Task<int[]> SequencesAsync(TicketQuery query) =>
        [.. (await _store.ListAsync(query, CancellationToken.None)).Select(t => t.Number.Sequence)];
}
