using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Scheduling;

public sealed class EscalationSweeperTests
{
    private const int Racing = 100;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TicketEventType[] Trail =
        [TicketEventType.Warned, TicketEventType.Escalated, TicketEventType.Supervised, TicketEventType.Urged, TicketEventType.Reported];

    [Fact]
    public async Task Flow_UnacceptedTicket_ClimbsGridCommunityStreetDistrict_ThenSupervised()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var store = await harness.OpenStoreAsync();
        var submitted = await harness.Desk(store).SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None);
        var sweeper = harness.Sweeper(store);

        for (var i = 0; i < 12; i++)
        {
            harness.Clock.Advance(Second);
            await sweeper.SweepOnceAsync(CancellationToken.None);
        }

        var ticket = await store.GetAsync(submitted.Number, CancellationToken.None);
        Assert.NotNull(ticket);
        Assert.Equal(
            [
                (TicketEventType.Warned, OrgLevel.Grid, null, 1),
                (TicketEventType.Escalated, OrgLevel.Grid, OrgLevel.Community, 2),
                (TicketEventType.Warned, OrgLevel.Community, null, 3),
                (TicketEventType.Escalated, OrgLevel.Community, OrgLevel.Street, 4),
                (TicketEventType.Warned, OrgLevel.Street, null, 5),
                (TicketEventType.Escalated, OrgLevel.Street, OrgLevel.District, 6),
                (TicketEventType.Warned, OrgLevel.District, null, 7),
                (TicketEventType.Supervised, null, null, 8),
                (TicketEventType.Urged, OrgLevel.District, null, 8),
                (TicketEventType.Reported, OrgLevel.District, (OrgLevel?)null, 10),
            ],
            ticket.Events.Where(e => Trail.Contains(e.Type)).Select(e => (e.Type, e.FromLevel, e.ToLevel, (int)(e.At - EscalationHarness.Start).TotalSeconds)));
        var chain = harness.Chain;
        Assert.Equal(
            [chain.CommunityNodeId, chain.StreetNodeId, chain.DistrictNodeId],
            ticket.Events.Where(e => e.Type == TicketEventType.Escalated).Select(e => e.Data!["to"]));
        Assert.Equal((TicketStatus.Assigned, OrgLevel.District, chain.DistrictNodeId, true), (ticket.Status, ticket.Level, ticket.HolderNodeId, ticket.Supervised));
        Assert.Empty(await store.ListDueAsync(EscalationHarness.Start.AddYears(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task SweepOnceAsync_DoesNotEscalate_WhenAcceptedBeforeAcceptDeadline()
    {
        await using var harness = await EscalationHarness.CreateAsync(new EscalationOptions());
        var store = await harness.OpenStoreAsync();
        var desk = harness.Desk(store);
        var accepted = await desk.SubmitAsync(EscalationHarness.Complaint(UrgencyGrade.Red), CancellationToken.None);
        var ignored = await desk.SubmitAsync(EscalationHarness.Complaint(UrgencyGrade.Red), CancellationToken.None);
        var worker = harness.Org.GridWorkerOf(EscalationHarness.GridId).Id;
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await desk.ApplyAsync(accepted.Number, t => t.Accept(worker, harness.Clock.GetUtcNow()), CancellationToken.None);

        // Red at the grid: accept within 30 min, resolve within 2 h.
        harness.Clock.Advance(TimeSpan.FromMinutes(35));
        await harness.Sweeper(store).SweepOnceAsync(CancellationToken.None);

        var stillAtGrid = await store.GetAsync(accepted.Number, CancellationToken.None);
        Assert.NotNull(stillAtGrid);
        Assert.Equal((TicketStatus.Accepted, OrgLevel.Grid), (stillAtGrid.Status, stillAtGrid.Level));
        Assert.DoesNotContain(stillAtGrid.Events, e => e.Type == TicketEventType.Escalated);
        var due = Assert.Single(await store.ListDueAsync(EscalationHarness.Start.AddHours(2), 10, CancellationToken.None), d => d.Number == accepted.Number);
        // The resolve warning comes half-way through the 2 h (the 2 h lead is capped at half the limit).
        Assert.Equal((nameof(TicketDeadlineKind.ResolveWarning), EscalationHarness.Start.AddHours(1)), (due.Kind, due.DueAt));

        var escalated = await store.GetAsync(ignored.Number, CancellationToken.None);
        Assert.NotNull(escalated);
        Assert.Equal(OrgLevel.Community, escalated.Events.First(e => e.Type == TicketEventType.Escalated).ToLevel);
    }

    [Fact]
    public async Task SweepOnceAsync_FiresEveryStepExactlyOnce_WhenClockJumpsHours()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var store = await harness.OpenStoreAsync();
        var submitted = await harness.Desk(store).SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None);
        var sweeper = harness.Sweeper(store);

        harness.Clock.Advance(TimeSpan.FromHours(5));
        var handled = await sweeper.SweepOnceAsync(CancellationToken.None);
        var again = await sweeper.SweepOnceAsync(CancellationToken.None);

        var ticket = await store.GetAsync(submitted.Number, CancellationToken.None);
        Assert.NotNull(ticket);
        Assert.Equal((9, 0), (handled, again));
        AssertTrailOnce(ticket);
    }

    [Fact]
    public async Task SweepOnceAsync_FiresEachStepOnce_WhenTwoSweepersRaceOnOneDatabase()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var first = harness.Sweeper(await harness.OpenStoreAsync());
        var secondStore = await harness.OpenStoreAsync();
        var second = harness.Sweeper(secondStore);
        var desk = harness.Desk(secondStore);
        var numbers = new List<TicketNumber>();
        // Enough tickets that the two sweeps overlap: with 100, runs here saw dozens of conflicts skipped.
        for (var i = 0; i < Racing; i++)
        {
            numbers.Add((await desk.SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None)).Number);
        }

        var handled = 0;
        for (var i = 0; i < 12; i++)
        {
            harness.Clock.Advance(Second);
            var counts = await Task.WhenAll(
                Task.Run(() => first.SweepOnceAsync(CancellationToken.None)),
                Task.Run(() => second.SweepOnceAsync(CancellationToken.None)));
            handled += counts.Sum();
        }

        Assert.Equal(Racing * 9, handled);
        foreach (var number in numbers)
        {
            var ticket = await secondStore.GetAsync(number, CancellationToken.None);
            Assert.NotNull(ticket);
            AssertTrailOnce(ticket);
        }
    }

    [Fact]
    public async Task ExecuteAsync_SweepsOnPeriodicTimerTicks_WhenManualClockAdvances()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var store = await harness.OpenStoreAsync();
        var submitted = await harness.Desk(store).SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None);
        using var sweeper = harness.Sweeper(store);

        await sweeper.StartAsync(CancellationToken.None);
        var escalated = false;
        // The clock moves only by Advance; the real-time delay just lets the sweeper's thread run between steps.
        for (var i = 0; i < 500 && !escalated; i++)
        {
            if (i % 10 == 0)
            {
                harness.Clock.Advance(Second);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
            var ticket = await store.GetAsync(submitted.Number, CancellationToken.None);
            escalated = ticket!.Events.Any(e => e.Type == TicketEventType.Escalated);
        }

        await sweeper.StopAsync(CancellationToken.None);

        Assert.True(escalated);
        Assert.NotNull(sweeper.ExecuteTask);
        Assert.True(sweeper.ExecuteTask.IsCompletedSuccessfully);
    }

    private static void AssertTrailOnce(Ticket ticket)
    {
        var counts = ticket.Events.CountBy(e => e.Type).ToDictionary();
        Assert.Equal(
            (4, 3, 1, 1, 1),
            (counts[TicketEventType.Warned], counts[TicketEventType.Escalated], counts[TicketEventType.Supervised], counts[TicketEventType.Urged], counts[TicketEventType.Reported]));
        Assert.Equal(OrgLevel.District, ticket.Level);
    }
}
