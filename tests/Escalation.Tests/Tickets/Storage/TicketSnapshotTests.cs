using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

public sealed class TicketSnapshotTests
{
    [Fact]
    public void Restore_EqualsOriginal_WhenReopenedAtDistrictAndSupervised()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Resolved).AtLevel(OrgLevel.District);
        var ticket = builder.Build();
        ticket.Rate(Rating.Dissatisfied, builder.Tick());
        ticket.AddNote("w-hq", "已转督办", builder.Tick());

        var restored = Ticket.Restore(ticket.ToSnapshot());

        Assert.True(restored.Supervised);
        Assert.Equal(["c-a", "g-a1", "hq", "s-a"], restored.VisibleToNodeIds.Order(StringComparer.Ordinal));
        StoredTickets.AssertSame(ticket, restored);
    }

    [Fact]
    public void Restore_EqualsOriginal_WhenClosed()
    {
        var ticket = new TicketBuilder().InStatus(TicketStatus.Closed).AtLevel(OrgLevel.Street).Build();

        var restored = Ticket.Restore(ticket.ToSnapshot());

        Assert.NotNull(restored.ResolvedAt);
        Assert.NotNull(restored.ClosedAt);
        StoredTickets.AssertSame(ticket, restored);
    }

    [Fact]
    public void Restore_KeepsWorking_WhenCommandsFollow()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Accepted);
        var restored = Ticket.Restore(builder.Build().ToSnapshot());

        restored.Escalate(OrgLevel.Community, TicketBuilder.Chain.CommunityNodeId, "超时未办结", builder.Tick());

        Assert.Equal(OrgLevel.Community, restored.Level);
        Assert.Equal(TicketStatus.Assigned, restored.Status);
        Assert.Contains(TicketBuilder.GridId, restored.VisibleToNodeIds);
    }

    [Fact]
    public void Restore_Throws_WhenSnapshotHasNoHistory()
    {
        var snapshot = new TicketBuilder().Build().ToSnapshot() with { Events = [] };

        Assert.Throws<ArgumentException>(() => Ticket.Restore(snapshot));
    }
}
