using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Scheduling;

/// <summary>The desk and the sweeper announce each committed change, so live pages and notifications hear of it.</summary>
public sealed class TicketChangeAnnouncementTests
{
    [Fact]
    public async Task DeskAndSweeper_AnnounceSubmissionAcceptanceAndEscalation_AfterSaving()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var store = await harness.OpenStoreAsync();
        var feed = new TicketChangeFeed();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var changes = feed.SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var first = changes.MoveNextAsync();
        var desk = harness.Desk(store, feed);

        var ignored = await desk.SubmitAsync(EscalationHarness.Complaint(UrgencyGrade.Red), CancellationToken.None);
        Assert.True(await first);
        Assert.Equal((ignored.Number, TicketEventType.Assigned, OrgLevel.Grid), (changes.Current.Number, changes.Current.Event, changes.Current.Level));

        // Drill limits are 2 s: after 5 s the accept deadline at the grid has passed.
        harness.Clock.Advance(TimeSpan.FromSeconds(5));
        await harness.Sweeper(store, feed).SweepOnceAsync(CancellationToken.None);

        var escalation = await NextAsync(changes, c => c.Event == TicketEventType.Escalated);
        Assert.Equal((ignored.Number, OrgLevel.Community, harness.Chain.CommunityNodeId), (escalation.Number, escalation.Level, escalation.HolderNodeId));
        var stored = await store.GetAsync(ignored.Number, CancellationToken.None);
        Assert.True(stored!.Version >= escalation.Version, "announced a version the store does not have");
    }

    private static async Task<TicketChange> NextAsync(IAsyncEnumerator<TicketChange> changes, Func<TicketChange, bool> match)
    {
        while (await changes.MoveNextAsync())
        {
            if (match(changes.Current))
            {
                return changes.Current;
            }
        }

        throw new InvalidOperationException("The feed ended.");
    }
}
