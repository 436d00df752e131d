using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets;

public sealed class TicketFlowTests
{
    private readonly TicketBuilder _builder = new();

    [Fact]
    public void Flow_Submitted_Assigned_Accepted_Resolved_Rated_Closed()
    {
        var ticket = _builder.Build();
        ticket.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, _builder.Tick());
        ticket.Accept("w-a1", _builder.Tick());
        ticket.Resolve("w-a1", "已更换灯泡", _builder.Tick());
        var ratedAt = _builder.Tick();
        ticket.Rate(Rating.Satisfied, ratedAt);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(ratedAt.ToUniversalTime(), ticket.ClosedAt);
        Assert.Equal(ratedAt.ToUniversalTime(), ticket.LastTransitionAt);
        Assert.Equal(OrgLevel.Grid, ticket.Level);
        Assert.Equal(
            [TicketEventType.Submitted, TicketEventType.Assigned, TicketEventType.Accepted, TicketEventType.Resolved, TicketEventType.Rated],
            ticket.Events.Select(e => e.Type));
        Assert.Equal("Satisfied", ticket.Events[^1].Data!["rating"]);
    }

    [Fact]
    public void Flow_Resolved_Dissatisfied_ReopenedAndEscalatedToCommunity()
    {
        var ticket = _builder.InStatus(TicketStatus.Resolved).Build();

        ticket.Rate(Rating.Dissatisfied, _builder.Tick());

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Equal(OrgLevel.Community, ticket.Level);
        Assert.Equal("c-a", ticket.HolderNodeId);
        Assert.Null(ticket.ResolvedAt);
        Assert.False(ticket.Supervised);
        Assert.Equal([TicketBuilder.GridId, "c-a"], ticket.VisibleToNodeIds.Order(StringComparer.Ordinal).Reverse());
        var whistle = ticket.Events[^1];
        Assert.Equal([TicketEventType.Rated, TicketEventType.Reopened, TicketEventType.SecondWhistle], ticket.Events.TakeLast(3).Select(e => e.Type));
        Assert.Equal((OrgLevel.Grid, OrgLevel.Community), (whistle.FromLevel, whistle.ToLevel));
        Assert.Equal("c-a", whistle.Data!["to"]);

        ticket.Accept("p-c-a", _builder.Tick());
        ticket.Resolve("p-c-a", "社区协调物业修复", _builder.Tick());
        ticket.Rate(Rating.FairlySatisfied, _builder.Tick());
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void Flow_EscalationClimbsGridCommunityStreetDistrict_ThenSupervised()
    {
        var ticket = _builder.InStatus(TicketStatus.Assigned).Build();

        ticket.Escalate(OrgLevel.Community, "c-a", "网格超时未受理", _builder.Tick());
        ticket.Accept("p-c-a", _builder.Tick());
        ticket.Escalate(OrgLevel.Street, "s-a", "社区超时未办结", _builder.Tick());
        ticket.Escalate(OrgLevel.District, "hq", "街道超时未受理", _builder.Tick());
        ticket.FlagSupervised("区级督办", _builder.Tick());

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Equal(OrgLevel.District, ticket.Level);
        Assert.True(ticket.Supervised);
        Assert.Equal(4, ticket.VisibleToNodeIds.Count);
        Assert.Equal(
            [(OrgLevel.Grid, OrgLevel.Community), (OrgLevel.Community, OrgLevel.Street), (OrgLevel.Street, OrgLevel.District)],
            ticket.Events.Where(e => e.Type == TicketEventType.Escalated).Select(e => (e.FromLevel!.Value, e.ToLevel!.Value)));
        var error = Assert.Throws<TicketTransitionException>(() => ticket.Escalate(OrgLevel.District, "hq", "再升级", _builder.Tick()));
        Assert.Equal("工单已在区级，不能再升级，请督办", error.Reason);
        Assert.Throws<TicketTransitionException>(() => ticket.FlagSupervised("再次督办", _builder.Tick()));
    }

    [Fact]
    public void Flow_DissatisfiedAtDistrict_StaysAtDistrictAndSupervised()
    {
        var ticket = _builder.InStatus(TicketStatus.Resolved).AtLevel(OrgLevel.District).Build();

        ticket.Rate(Rating.Dissatisfied, _builder.Tick());

        Assert.Equal((TicketStatus.Assigned, OrgLevel.District, "hq"), (ticket.Status, ticket.Level, ticket.HolderNodeId));
        Assert.True(ticket.Supervised);
        Assert.Equal(
            [TicketEventType.Rated, TicketEventType.Reopened, TicketEventType.SecondWhistle, TicketEventType.Supervised],
            ticket.Events.TakeLast(4).Select(e => e.Type));
    }

    [Fact]
    public void Flow_Resolved_AutoClosed()
    {
        var ticket = _builder.InStatus(TicketStatus.Resolved).Build();
        var at = _builder.Tick();

        ticket.AutoClose(at);

        Assert.Equal((TicketStatus.Closed, at.ToUniversalTime()), (ticket.Status, ticket.ClosedAt));
        Assert.Equal(TicketActors.System, ticket.Events[^1].Actor);
        Assert.Throws<TicketTransitionException>(() => ticket.Rate(Rating.Dissatisfied, _builder.Tick()));
    }
}
