using CitizenBot.Escalation.Tests.Scheduling;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;

namespace CitizenBot.Escalation.Tests.Tickets.Desk;

public sealed class TicketDeskConcurrencyTests
{
    private const int Submissions = 300;

    [Fact]
    public async Task SubmitAsync_GivesDistinctNumbersAndStoresEveryTicketWithHistory_WhenManyTasksSubmitAtOnce()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var store = await harness.OpenStoreAsync();
        var desk = harness.Desk(store);

        var submitted = await Task.WhenAll(Enumerable.Range(0, Submissions)
            .Select(_ => Task.Run(() => desk.SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, Submissions), submitted.Select(t => t.Number.Sequence).Order());
        var listed = await store.ListAsync(new TicketQuery { Limit = Submissions + 1 }, CancellationToken.None);
        Assert.Equal(Submissions, listed.Count);
        foreach (var ticket in listed)
        {
            Assert.Equal([TicketEventType.Submitted, TicketEventType.Assigned], ticket.Events.Select(e => e.Type));
            Assert.Equal(TicketStatus.Assigned, ticket.Status);
        }

        // Every ticket has its deadline for the sweeper, stored in the same commit as the ticket.
        var due = await store.ListDueAsync(DateTimeOffset.MaxValue, Submissions + 1, CancellationToken.None);
        Assert.Equal(Submissions, due.Count);
        var stats = store.WriteStatistics;
        Assert.Equal(Submissions, stats.Writes);
        Assert.True(stats.Commits <= Submissions);
    }

    [Fact]
    public async Task SubmitAsync_UsesNoNumber_WhenTicketCannotBeBuilt()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var store = await harness.OpenStoreAsync();
        var desk = harness.Desk(store);

        await Assert.ThrowsAsync<ArgumentException>(
            () => desk.SubmitAsync(EscalationHarness.Complaint() with { Description = " " }, CancellationToken.None));
        var next = await desk.SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None);

        Assert.Equal(1, next.Number.Sequence);
    }
}
