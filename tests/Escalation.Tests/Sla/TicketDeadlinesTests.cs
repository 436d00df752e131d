using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tests.Tickets;
using CitizenBot.Escalation.Tickets;
using static CitizenBot.Escalation.Tests.Sla.SlaTestData;

namespace CitizenBot.Escalation.Tests.Sla;

public sealed class TicketDeadlinesTests
{
    private static readonly DateTimeOffset AssignedAt = Instant("2025-03-03T09:00:00+08:00");
    private static readonly SlaPolicy Defaults = new(new EscalationOptions());
    private static readonly SlaPolicy TenMinuteLead = new(new EscalationOptions { WarningLead = TimeSpan.FromMinutes(10) });

    [Theory]
    [InlineData(0, 30)]   // no lead: the warning falls due with the deadline
    [InlineData(10, 20)]  // red grid accept limit 30 min − 10 min lead
    [InlineData(15, 15)]  // lead of half the limit: half-way
    [InlineData(30, 15)]  // lead equal to the limit: capped at half of it, so the warning is not the assignment again
    [InlineData(120, 15)] // the default 2 h lead is longer than the limit: capped the same way
    public void Next_IsAcceptWarningLeadBeforeLimit_WhenRedTicketFreshlyAssignedToGrid(int leadMinutes, int expectedMinutesAfterAssignment)
    {
        var policy = new SlaPolicy(new EscalationOptions { WarningLead = TimeSpan.FromMinutes(leadMinutes) });

        var next = TicketDeadlines.Next(Assigned(UrgencyGrade.Red, AssignedAt), policy, RealCalendar);

        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AcceptWarning, AssignedAt.AddMinutes(expectedMinutesAfterAssignment)), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.DueAt.Offset);
    }

    [Fact]
    public void Next_IsAcceptOverdue_WhenWarnedAtCurrentLevel()
    {
        var ticket = Assigned(UrgencyGrade.Red, AssignedAt);
        ticket.RecordWarning(AssignedAt);

        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AcceptOverdue, AssignedAt.AddMinutes(30)), TicketDeadlines.Next(ticket, Defaults, RealCalendar));
    }

    [Theory]
    [InlineData(nameof(TicketStatus.Accepted))]
    [InlineData(nameof(TicketStatus.InProgress))]
    public void Next_IsResolveWarningFromAssignment_WhenAccepted(string status)
    {
        var ticket = Assigned(UrgencyGrade.Red, AssignedAt);
        ticket.RecordWarning(AssignedAt.AddMinutes(20)); // the accept phase's warning does not count for resolving
        ticket.Accept(TicketBuilder.Worker, AssignedAt.AddMinutes(25));
        if (Enum.Parse<TicketStatus>(status) == TicketStatus.InProgress)
        {
            ticket.Start(TicketBuilder.Worker, AssignedAt.AddMinutes(26));
        }

        Assert.Equal(
            new TicketDeadline(TicketDeadlineKind.ResolveWarning, AssignedAt.AddMinutes(110)),
            TicketDeadlines.Next(ticket, TenMinuteLead, RealCalendar));
    }

    [Fact]
    public void Next_IsResolveOverdue_WhenWarnedAfterAcceptance()
    {
        var ticket = Assigned(UrgencyGrade.Red, AssignedAt);
        ticket.Accept(TicketBuilder.Worker, AssignedAt.AddMinutes(5));
        ticket.RecordWarning(AssignedAt.AddMinutes(110));

        Assert.Equal(
            new TicketDeadline(TicketDeadlineKind.ResolveOverdue, AssignedAt.AddHours(2)),
            TicketDeadlines.Next(ticket, TenMinuteLead, RealCalendar));
    }

    [Theory]
    // National Day 2025: Oct 1–8 off; Oct 9 and 10 are working days, Saturday Oct 11 a make-up working day.
    // Blue at the grid: accept 1wd → end of Oct 9; resolve 3wd → end of Oct 11 (24:00 Beijing = 16:00 UTC).
    [InlineData(false, false, nameof(TicketDeadlineKind.AcceptWarning), "2025-10-09T14:00:00+00:00")]
    [InlineData(false, true, nameof(TicketDeadlineKind.AcceptOverdue), "2025-10-09T16:00:00+00:00")]
    [InlineData(true, false, nameof(TicketDeadlineKind.ResolveWarning), "2025-10-11T14:00:00+00:00")]
    [InlineData(true, true, nameof(TicketDeadlineKind.ResolveOverdue), "2025-10-11T16:00:00+00:00")]
    public void Next_CountsWorkingDaysAcrossNationalDay_WhenBlueTicketAssignedOnSeptember30(bool accepted, bool warned, string kind, string expected)
    {
        var ticket = Assigned(UrgencyGrade.Blue, Instant("2025-09-30T10:00:00+08:00"));
        if (accepted)
        {
            ticket.Accept(TicketBuilder.Worker, Instant("2025-10-09T09:00:00+08:00"));
        }

        if (warned)
        {
            ticket.RecordWarning(Instant("2025-10-09T22:00:00+08:00"));
        }

        Assert.Equal(new TicketDeadline(Enum.Parse<TicketDeadlineKind>(kind), Instant(expected)), TicketDeadlines.Next(ticket, Defaults, RealCalendar));
    }

    [Theory]
    // TicketBuilder escalates a blue ticket on Saturday 2025-03-01 at 09:32 (and 09:33, 09:34) Beijing time.
    [InlineData(nameof(OrgLevel.Community), "2025-03-03T14:00:00+00:00")] // 1wd → end of Monday Mar 3, − 2 h
    [InlineData(nameof(OrgLevel.Street), "2025-03-03T14:00:00+00:00")]
    [InlineData(nameof(OrgLevel.District), "2025-03-01T23:34:00+00:00")] // 24 h from 01:34 UTC, − 2 h
    public void Next_RestartsAcceptClockAtNewLevel_WhenEscalated(string level, string expected)
    {
        var ticket = new TicketBuilder().InStatus(TicketStatus.Assigned).AtLevel(Enum.Parse<OrgLevel>(level)).Build();

        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AcceptWarning, Instant(expected)), TicketDeadlines.Next(ticket, Defaults, RealCalendar));
    }

    [Fact]
    public void Next_IgnoresEarlierLevelsTrail_WhenEscalated()
    {
        var ticket = Assigned(UrgencyGrade.Red, AssignedAt);
        ticket.RecordWarning(AssignedAt.AddMinutes(20));
        var escalatedAt = AssignedAt.AddMinutes(30);
        ticket.Escalate(OrgLevel.Community, TicketBuilder.Chain.CommunityNodeId, "超时未受理", escalatedAt);

        // Red at the community: accept 20 min, so the warning is 10 min after the escalation.
        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AcceptWarning, escalatedAt.AddMinutes(10)), TicketDeadlines.Next(ticket, TenMinuteLead, RealCalendar));
    }

    [Fact]
    public void Next_RestartsResolveClockAtNewLevel_WhenAcceptedAfterEscalation()
    {
        var ticket = Assigned(UrgencyGrade.Red, AssignedAt);
        var escalatedAt = AssignedAt.AddMinutes(30);
        ticket.Escalate(OrgLevel.Community, TicketBuilder.Chain.CommunityNodeId, "超时未受理", escalatedAt);
        ticket.Accept(TicketBuilder.Worker, escalatedAt.AddMinutes(5));

        // Red at the community: resolve 90 min from the escalation.
        Assert.Equal(new TicketDeadline(TicketDeadlineKind.ResolveWarning, escalatedAt.AddMinutes(80)), TicketDeadlines.Next(ticket, TenMinuteLead, RealCalendar));
    }

    [Fact]
    public void Next_RestartsAcceptClockOneLevelUp_WhenRatedDissatisfied()
    {
        var ticket = Assigned(UrgencyGrade.Red, AssignedAt);
        ticket.Accept(TicketBuilder.Worker, AssignedAt.AddMinutes(5));
        ticket.Resolve(TicketBuilder.Worker, "已处理", AssignedAt.AddMinutes(60));
        var ratedAt = AssignedAt.AddHours(3);
        ticket.Rate(Rating.Dissatisfied, ratedAt);

        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AcceptWarning, ratedAt.AddMinutes(10)), TicketDeadlines.Next(ticket, TenMinuteLead, RealCalendar));
    }

    [Fact]
    public void Next_ReportsWorkingDaysAfterOverdueAcrossNationalDay_WhenUrgedAtDistrict()
    {
        // Blue at the district: accept 24 h from Sep 29 10:00 → overdue Sep 30 10:00 Beijing; report 2 working days
        // after that day: Oct 9 (1), Oct 10 (2), at 24:00 Beijing.
        var ticket = AtDistrict(UrgencyGrade.Blue, Instant("2025-09-29T10:00:00+08:00"));
        ticket.RecordWarning(Instant("2025-09-30T08:00:00+08:00"));
        ticket.FlagSupervised("超时未受理", Instant("2025-09-30T10:00:00+08:00"));
        ticket.RecordUrge(Instant("2025-09-30T10:00:00+08:00"));

        Assert.True(ticket.Supervised);
        Assert.Equal(new TicketDeadline(TicketDeadlineKind.Report, Instant("2025-10-10T16:00:00+00:00")), TicketDeadlines.Next(ticket, Defaults, RealCalendar));
    }

    [Fact]
    public void Next_IsNull_WhenReportedAtCurrentLevel()
    {
        var ticket = AtDistrict(UrgencyGrade.Blue, Instant("2025-09-29T10:00:00+08:00"));
        ticket.RecordWarning(Instant("2025-09-30T08:00:00+08:00"));
        ticket.RecordUrge(Instant("2025-09-30T10:00:00+08:00"));
        ticket.RecordReport(Instant("2025-10-11T00:00:00+08:00"));

        Assert.Null(TicketDeadlines.Next(ticket, Defaults, RealCalendar));
    }

    [Fact]
    public void Next_StartsResolveTrail_WhenAcceptedAfterAcceptReport()
    {
        var assignedAt = Instant("2025-09-29T10:00:00+08:00");
        var ticket = AtDistrict(UrgencyGrade.Blue, assignedAt);
        ticket.RecordWarning(Instant("2025-09-30T08:00:00+08:00"));
        ticket.RecordUrge(Instant("2025-09-30T10:00:00+08:00"));
        ticket.RecordReport(Instant("2025-10-11T00:00:00+08:00"));
        ticket.Accept(TicketBuilder.Worker, Instant("2025-10-11T09:00:00+08:00"));

        // The resolve deadline (24 h from arrival) is long past: the warning is due at once, then the overdue.
        Assert.Equal(new TicketDeadline(TicketDeadlineKind.ResolveWarning, assignedAt.AddHours(22)), TicketDeadlines.Next(ticket, Defaults, RealCalendar));
    }

    [Fact]
    public void Next_PutsEveryDeadlineTwoSecondsApart_WhenDrillMode()
    {
        var drill = new SlaPolicy(new EscalationOptions { DrillSla = TimeSpan.FromSeconds(2) });
        var ticket = Assigned(UrgencyGrade.Blue, AssignedAt);

        var warning = TicketDeadlines.Next(ticket, drill, RealCalendar);
        ticket.RecordWarning(AssignedAt.AddSeconds(1));
        var overdue = TicketDeadlines.Next(ticket, drill, RealCalendar);
        ticket.RecordUrge(AssignedAt.AddSeconds(2));
        var report = TicketDeadlines.Next(ticket, drill, RealCalendar);

        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AcceptWarning, AssignedAt.AddSeconds(1)), warning);
        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AcceptOverdue, AssignedAt.AddSeconds(2)), overdue);
        Assert.Equal(new TicketDeadline(TicketDeadlineKind.Report, AssignedAt.AddSeconds(4)), report);
    }

    [Fact]
    public void Next_IsAutoCloseTwoSecondsAfterResolution_WhenDrillMode()
    {
        var drill = new SlaPolicy(new EscalationOptions { DrillSla = TimeSpan.FromSeconds(2) });
        var ticket = new TicketBuilder().InStatus(TicketStatus.Resolved).Build();

        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AutoClose, ticket.ResolvedAt!.Value.AddSeconds(2)), TicketDeadlines.Next(ticket, drill, RealCalendar));
    }

    [Fact]
    public void Next_IsAutoCloseAfterConfiguredWait_WhenResolved()
    {
        var ticket = new TicketBuilder().InStatus(TicketStatus.Resolved).Build();

        var next = TicketDeadlines.Next(ticket, Defaults, RealCalendar);

        Assert.Equal(new TicketDeadline(TicketDeadlineKind.AutoClose, ticket.ResolvedAt!.Value.AddDays(7)), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.DueAt.Offset);
    }

    [Theory]
    [InlineData(nameof(TicketStatus.Submitted))]
    [InlineData(nameof(TicketStatus.Closed))]
    public void Next_IsNull_WhenNotAssignedOrClosed(string status)
    {
        var ticket = new TicketBuilder().InStatus(Enum.Parse<TicketStatus>(status)).Build();

        Assert.Null(TicketDeadlines.Next(ticket, Defaults, RealCalendar));
    }

    [Fact]
    public void Next_IsNull_WhenAutoClosed()
    {
        var ticket = new TicketBuilder().InStatus(TicketStatus.Resolved).Build();
        ticket.AutoClose(ticket.ResolvedAt!.Value.AddDays(7));

        Assert.Null(TicketDeadlines.Next(ticket, Defaults, RealCalendar));
    }

    /// <summary>A ticket of <paramref name="urgency"/> submitted and assigned to its grid at <paramref name="at"/>.</summary>
    private static Ticket Assigned(UrgencyGrade urgency, DateTimeOffset at)
    {
        var ticket = Ticket.Submit(
            TicketNumber.Create(DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime), 1),
            "lighting.stairwell",
            urgency,
            "3号楼2单元楼道灯不亮",
            new TicketLocation(TicketBuilder.GridId, "红桥区某某里3号楼"),
            new Reporter("wx-resident-1", "13800000000"),
            [],
            at);
        ticket.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, at);
        return ticket;
    }

    /// <summary>A ticket assigned to its grid and escalated straight up to the district, all at <paramref name="at"/>.</summary>
    private static Ticket AtDistrict(UrgencyGrade urgency, DateTimeOffset at)
    {
        var ticket = Assigned(urgency, at);
        foreach (var level in new[] { OrgLevel.Community, OrgLevel.Street, OrgLevel.District })
        {
            ticket.Escalate(level, TicketBuilder.Chain.NodeAt(level), "超时未受理", at);
        }

        return ticket;
    }
}
