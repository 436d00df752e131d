using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets;

public sealed class TicketRuleTests
{
    private readonly TicketBuilder _builder = new();

    [Fact]
    public void Events_AreAppendOnlyAndOrdered_WithActorsAndNotes()
    {
        var ticket = _builder.InStatus(TicketStatus.InProgress).Build();
        ticket.AddNote("w-a1", "已电话联系居民", _builder.Tick());
        ticket.RecordReply("w-a1", "您好，明天上午上门维修", _builder.Tick());
        ticket.RecordUrge(_builder.Tick());

        Assert.Equal(ticket.Events.OrderBy(e => e.At), ticket.Events);
        Assert.All(ticket.Events, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
        Assert.Equal(
            [TicketActors.Resident, TicketActors.System, "w-a1", "w-a1", "w-a1", "w-a1", TicketActors.System],
            ticket.Events.Select(e => e.Actor));
        Assert.Equal("已电话联系居民", ticket.Events[^3].Note);
        Assert.Equal("您好，明天上午上门维修", ticket.Events[^2].Note);
        Assert.Equal(TicketBuilder.GridId, ticket.Events[^1].Data!["node"]);
        var list = Assert.IsAssignableFrom<ICollection<TicketEvent>>(ticket.Events);
        Assert.Throws<NotSupportedException>(() => list.Add(ticket.Events[0]));
    }

    [Fact]
    public void Command_Throws_WhenTimeIsBeforeTheLastEvent()
    {
        var ticket = _builder.InStatus(TicketStatus.Assigned).Build();
        var version = ticket.Version;

        Assert.Throws<ArgumentOutOfRangeException>(() => ticket.Accept("w-a1", TicketBuilder.SubmittedAt));

        Assert.Equal((TicketStatus.Assigned, version), (ticket.Status, ticket.Version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Resolve_Throws_WhenNoteIsBlank(string? note)
    {
        var ticket = _builder.InStatus(TicketStatus.InProgress).Build();

        var error = Assert.Throws<TicketTransitionException>(() => ticket.Resolve("w-a1", note!, _builder.Tick()));

        Assert.Equal("办结必须填写处理结果", error.Reason);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.ResolvedAt);
    }

    [Theory]
    [InlineData("Grid")]
    [InlineData("Community")]
    public void DispatchToDepartment_Throws_WhenHeldBelowStreet(string level)
    {
        var ticket = _builder.InStatus(TicketStatus.Accepted).AtLevel(Enum.Parse<OrgLevel>(level)).Build();

        var error = Assert.Throws<TicketTransitionException>(() => ticket.DispatchToDepartment("w-a1", "dept-1", null, _builder.Tick()));

        Assert.Equal("只有街道或区级可以派发到职能部门", error.Reason);
    }

    [Fact]
    public void DispatchToDepartment_RecordsDepartment_WhenHeldByStreet()
    {
        var ticket = _builder.InStatus(TicketStatus.Accepted).AtLevel(OrgLevel.Street).Build();

        ticket.DispatchToDepartment("p-s-a", "dept-housing", "请房管站处理", _builder.Tick());

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal((TicketEventType.Dispatched, "dept-housing", "请房管站处理"), (ticket.Events[^1].Type, ticket.Events[^1].Data!["department"], ticket.Events[^1].Note));
    }

    [Fact]
    public void Escalate_Throws_WhenSkippingALevelOrNamingTheWrongUnit()
    {
        var ticket = _builder.InStatus(TicketStatus.Assigned).Build();

        var skip = Assert.Throws<TicketTransitionException>(() => ticket.Escalate(OrgLevel.Street, "s-a", "超时", _builder.Tick()));
        Assert.Equal("只能逐级升级到社区", skip.Reason);
        Assert.Throws<ArgumentException>(() => ticket.Escalate(OrgLevel.Community, "c-other", "超时", _builder.Tick()));
        Assert.Equal(OrgLevel.Grid, ticket.Level);
    }

    [Fact]
    public void Accept_ThrowsWithChineseReason_WhenClosed()
    {
        var ticket = _builder.InStatus(TicketStatus.Closed).Build();

        var error = Assert.Throws<TicketTransitionException>(() => ticket.Accept("w-a1", _builder.Tick()));

        Assert.Equal("工单已办结，不能再受理", error.Reason);
        Assert.Equal(TicketCommand.Accept, error.Command);
        Assert.Contains("Accept", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_IncrementsOncePerCommand()
    {
        var ticket = _builder.Build();
        Assert.Equal(1, ticket.Version);

        ticket.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, _builder.Tick());
        ticket.AddNote("w-a1", "备注", _builder.Tick());
        ticket.Accept("w-a1", _builder.Tick());
        ticket.Resolve("w-a1", "已处理", _builder.Tick());
        ticket.Rate(Rating.Dissatisfied, _builder.Tick());

        Assert.Equal(6, ticket.Version);
        Assert.Equal(8, ticket.Events.Count);
    }

    [Fact]
    public void Submit_StoresUtcAndCopiesInput_WhenGivenBeijingTime()
    {
        var ticket = _builder.Build();

        Assert.Equal(TimeSpan.Zero, ticket.SubmittedAt.Offset);
        Assert.Equal(TicketBuilder.SubmittedAt, ticket.SubmittedAt);
        Assert.Equal((TicketStatus.Submitted, null, null), (ticket.Status, ticket.Level, ticket.HolderNodeId));
        Assert.Equal("HQ-20250301-0007", ticket.Number.ToString());
        Assert.Equal(["photo-1.jpg"], ticket.Attachments);
        Assert.Equal("138****0000", ticket.Reporter.MaskedPhone);
    }

    [Fact]
    public void AssignToGrid_Throws_WhenGridDiffersFromLocation()
    {
        var ticket = _builder.Build();

        Assert.Throws<ArgumentException>(() => ticket.AssignToGrid("g-other", TicketBuilder.Chain, _builder.Tick()));
        Assert.Equal(TicketStatus.Submitted, ticket.Status);
    }
}
