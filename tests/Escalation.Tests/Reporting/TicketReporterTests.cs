using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Reporting;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Reporting;

/// <summary>
/// One working day on the real org tree, driven through the desk and the sweeper (drill limits of one hour), then
/// reported at 14:30 Beijing for each level of scope. The day, Monday 3 March 2025, all times Beijing:
/// <code>
/// A g-xyz-01-01  09:00 filed, 09:10 accepted, 09:30 warned, 09:40 resolved, 09:50 满意 (closed)
/// B g-xyz-01-01  09:00 filed, 10:00 escalated to community, 10:20 accepted, 10:30 resolved, 10:40 基本满意 (closed)
/// C g-xyz-01-02  09:00 filed, 09:05 accepted, 09:20 resolved, 09:30 不满意 (二次哨 to community), then unaccepted:
///                10:30 escalated to street, 11:30 to district, 12:30 督办 + 催办, 13:30 通报
/// D g-dzg-01-01  09:00 filed, never accepted: 10:00 community, 11:00 street, 12:00 district, 13:00 督办 + 催办
/// F g-xyz-01-01  09:00 filed, 09:15 accepted, 09:45 resolved, not rated: 10:45 closed automatically
/// G g-xyz-02-01  14:10 filed, 14:15 accepted, 14:20 resolved, awaiting a rating at 14:30
/// </code>
/// </summary>
public sealed class TicketReporterTests
{
    private const string District = "hongqiao";
    private static readonly DateOnly Day = new(2025, 3, 3);
    private static readonly DateTimeOffset ReportTime = At(14, 30);

    [Fact]
    public async Task ReportAsync_District_CountsEveryTicketOfTheDay()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));
        await PlayDayAsync(harness);

        var report = await harness.Reporter.ReportAsync(District, ReportPeriod.Today(harness.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal((District, OrgLevel.District, ReportTime), (report.ScopeNodeId, report.ScopeLevel, report.GeneratedAt));
        Assert.Equal((Day, Day), (report.Period.From, report.Period.To));
        Assert.Equal((6, 3, 2, 1, 2, 3), (report.Submitted, report.SubmittedAndClosed, report.OpenNow, report.AwaitingRatingNow, report.SupervisedOpenNow, report.ClosedInPeriod));
        Assert.Equal<double?>(0.5, report.ClosureRate);
        // Accept: A 10, B 80, C 5, F 15, G 5 minutes. Resolve: A 40, B 90, C 20, F 45, G 10. B missed its deadline.
        Assert.Equal((5, Minutes(23), 5, 4, Minutes(41)), (report.FirstAccepted, report.AverageTimeToAccept, report.FirstResolved, report.ResolvedOnTime, report.AverageTimeToResolve));
        Assert.Equal<double?>(0.8, report.OnTimeRate);
        Assert.Equal(
            [new LevelEscalations(OrgLevel.Community, 2, 1), new LevelEscalations(OrgLevel.Street, 2, 0), new LevelEscalations(OrgLevel.District, 2, 0)],
            report.Escalations);
        Assert.Equal(new SatisfactionSummary(1, 1, 1), report.Satisfaction);
        Assert.Equal<double?>(2.0 / 3, report.Satisfaction.Rate);
        Assert.Equal([new DailyTicketCount(Day, 6, 3)], report.Daily);
    }

    [Fact]
    public async Task ReportAsync_Grid_SeesOnlyItsOwnTickets()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));
        await PlayDayAsync(harness);

        var report = await harness.Reporter.ReportAsync("g-xyz-01-01", ReportPeriod.Today(harness.Clock.GetUtcNow()), CancellationToken.None);

        // A, B and F.
        Assert.Equal((3, 3, 0, 0, 0, 3), (report.Submitted, report.SubmittedAndClosed, report.OpenNow, report.AwaitingRatingNow, report.SupervisedOpenNow, report.ClosedInPeriod));
        Assert.Equal((3, Minutes(35), 3, 2, Minutes(175.0 / 3)), (report.FirstAccepted, report.AverageTimeToAccept, report.FirstResolved, report.ResolvedOnTime, report.AverageTimeToResolve));
        Assert.Equal<double?>(1, report.ClosureRate);
        Assert.Equal<double?>(2.0 / 3, report.OnTimeRate);
        Assert.Equal(
            [new LevelEscalations(OrgLevel.Community, 1, 0), new LevelEscalations(OrgLevel.Street, 0, 0), new LevelEscalations(OrgLevel.District, 0, 0)],
            report.Escalations);
        Assert.Equal(new SatisfactionSummary(1, 1, 0), report.Satisfaction);
        Assert.Equal([new DailyTicketCount(Day, 3, 3)], report.Daily);
    }

    [Fact]
    public async Task ReportAsync_CommunityAndStreet_SeeTheirGrids()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));
        await PlayDayAsync(harness);
        var today = ReportPeriod.Today(harness.Clock.GetUtcNow());

        var community = await harness.Reporter.ReportAsync("c-xyz-01", today, CancellationToken.None);
        var street = await harness.Reporter.ReportAsync("s-xyz", today, CancellationToken.None);
        var otherStreet = await harness.Reporter.ReportAsync("s-dzg", today, CancellationToken.None);

        // c-xyz-01: A, B, C, F.
        Assert.Equal((4, 3, 1, 0, 1, 3), (community.Submitted, community.SubmittedAndClosed, community.OpenNow, community.AwaitingRatingNow, community.SupervisedOpenNow, community.ClosedInPeriod));
        Assert.Equal((4, Minutes(27.5), 4, 3, Minutes(48.75)), (community.FirstAccepted, community.AverageTimeToAccept, community.FirstResolved, community.ResolvedOnTime, community.AverageTimeToResolve));
        Assert.Equal(
            [new LevelEscalations(OrgLevel.Community, 1, 1), new LevelEscalations(OrgLevel.Street, 1, 0), new LevelEscalations(OrgLevel.District, 1, 0)],
            community.Escalations);
        Assert.Equal(new SatisfactionSummary(1, 1, 1), community.Satisfaction);

        // s-xyz: A, B, C, F and G (another community of the street).
        Assert.Equal((5, 3, 1, 1, 1, 3), (street.Submitted, street.SubmittedAndClosed, street.OpenNow, street.AwaitingRatingNow, street.SupervisedOpenNow, street.ClosedInPeriod));
        Assert.Equal((5, Minutes(23), 5, 4, Minutes(41)), (street.FirstAccepted, street.AverageTimeToAccept, street.FirstResolved, street.ResolvedOnTime, street.AverageTimeToResolve));
        Assert.Equal(community.Escalations, street.Escalations);
        Assert.Equal([new DailyTicketCount(Day, 5, 3)], street.Daily);

        // s-dzg: D only, never accepted.
        Assert.Equal((1, 0, 1, 0, 1, 0), (otherStreet.Submitted, otherStreet.SubmittedAndClosed, otherStreet.OpenNow, otherStreet.AwaitingRatingNow, otherStreet.SupervisedOpenNow, otherStreet.ClosedInPeriod));
        Assert.Equal((0, (TimeSpan?)null, 0, 0, (TimeSpan?)null), (otherStreet.FirstAccepted, otherStreet.AverageTimeToAccept, otherStreet.FirstResolved, otherStreet.ResolvedOnTime, otherStreet.AverageTimeToResolve));
        Assert.Equal<double?>(0, otherStreet.ClosureRate);
        Assert.Null(otherStreet.OnTimeRate);
        Assert.Equal(
            [new LevelEscalations(OrgLevel.Community, 1, 0), new LevelEscalations(OrgLevel.Street, 1, 0), new LevelEscalations(OrgLevel.District, 1, 0)],
            otherStreet.Escalations);
        Assert.Null(otherStreet.Satisfaction.Rate);
    }

    [Fact]
    public async Task ReportAsync_EmptyPeriod_GivesZerosAndNulls_ButStillCountsOpenTicketsNow()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));
        await PlayDayAsync(harness);

        var report = await harness.Reporter.ReportAsync(District, ReportPeriod.Between(Day.AddDays(-1), Day.AddDays(-1)), CancellationToken.None);

        Assert.Equal((0, 0, 0, 0, 0), (report.Submitted, report.SubmittedAndClosed, report.ClosedInPeriod, report.FirstAccepted, report.FirstResolved));
        Assert.Equal((2, 1, 2), (report.OpenNow, report.AwaitingRatingNow, report.SupervisedOpenNow));
        Assert.Null(report.ClosureRate);
        Assert.Null(report.OnTimeRate);
        Assert.Null(report.AverageTimeToAccept);
        Assert.Null(report.AverageTimeToResolve);
        Assert.Equal(new SatisfactionSummary(0, 0, 0), report.Satisfaction);
        Assert.Null(report.Satisfaction.Rate);
        Assert.All(report.Escalations, e => Assert.Equal(0, e.Total));
        Assert.Equal([new DailyTicketCount(Day.AddDays(-1), 0, 0)], report.Daily);
    }

    [Fact]
    public async Task ReportAsync_EmptyStore_GivesZerosAndNulls()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));

        var report = await harness.Reporter.ReportAsync(District, ReportPeriod.ThisMonth(harness.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal((0, 0, 0, 0, 0, 0), (report.Submitted, report.OpenNow, report.AwaitingRatingNow, report.SupervisedOpenNow, report.ClosedInPeriod, report.FirstResolved));
        Assert.Null(report.ClosureRate);
        Assert.Null(report.OnTimeRate);
        Assert.Null(report.AverageTimeToAccept);
        Assert.Null(report.Satisfaction.Rate);
        Assert.Equal([new DailyTicketCount(new DateOnly(2025, 3, 1), 0, 0), new DailyTicketCount(new DateOnly(2025, 3, 2), 0, 0), new DailyTicketCount(Day, 0, 0)], report.Daily);
        Assert.Empty(await harness.Reporter.ListSupervisedAsync(District, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ReportAsync_CountsByBeijingDay_NotUtcDay()
    {
        // 23:30 Beijing on the 1st is 15:30 UTC on the 1st; 00:10 Beijing on the 2nd is still 16:10 UTC on the 1st.
        var lateOnFirst = new DateTimeOffset(2025, 3, 1, 23, 30, 0, TimeSpan.FromHours(8));
        await using var harness = await ReportingHarness.CreateAsync(lateOnFirst);
        var first = await harness.SubmitAsync("g-xyz-01-01");
        harness.Clock.Advance(TimeSpan.FromMinutes(40));
        await harness.SubmitAsync("g-xyz-01-01");
        await harness.AcceptAsync(first);
        var (day1, day2) = (new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2));

        var onFirst = await harness.Reporter.ReportAsync(District, ReportPeriod.Between(day1, day1), CancellationToken.None);
        var onSecond = await harness.Reporter.ReportAsync(District, ReportPeriod.Between(day2, day2), CancellationToken.None);
        var month = await harness.Reporter.ReportAsync(District, ReportPeriod.ThisMonth(harness.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal((1, 0), (onFirst.Submitted, onFirst.FirstAccepted));
        // The acceptance belongs to the day it happened, measured from the submission the day before.
        Assert.Equal((1, 1, Minutes(40)), (onSecond.Submitted, onSecond.FirstAccepted, onSecond.AverageTimeToAccept));
        Assert.Equal([new DailyTicketCount(day1, 1, 0), new DailyTicketCount(day2, 1, 0)], month.Daily);
        Assert.Equal(2, month.Submitted);
    }

    [Fact]
    public async Task ListSupervisedAsync_ListsOpenSupervisedTickets_MostRecentlySupervisedFirst_WithinScope()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));
        var day = await PlayDayAsync(harness);
        var districtNode = harness.Org.District.Id;

        var all = await harness.Reporter.ListSupervisedAsync(District, 10, CancellationToken.None);
        var first = await harness.Reporter.ListSupervisedAsync(District, 1, CancellationToken.None);
        var street = await harness.Reporter.ListSupervisedAsync("s-xyz", 10, CancellationToken.None);
        var grid = await harness.Reporter.ListSupervisedAsync("g-xyz-01-01", 10, CancellationToken.None);

        Assert.Equal(
            [
                new SupervisedTicket(day.D, "lighting.stairwell", OrgLevel.District, districtNode, "g-dzg-01-01", At(9, 0), At(13, 0)),
                new SupervisedTicket(day.C, "lighting.stairwell", OrgLevel.District, districtNode, "g-xyz-01-02", At(9, 0), At(12, 30)),
            ],
            all);
        Assert.Equal([day.D], first.Select(s => s.Number));
        Assert.Equal([day.C], street.Select(s => s.Number));
        Assert.Empty(grid);
    }

    [Fact]
    public async Task ListSupervisedAsync_DropsATicketOnceResolved()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));
        var day = await PlayDayAsync(harness);
        await harness.AcceptAsync(day.D);
        await harness.ResolveAsync(day.D);

        var list = await harness.Reporter.ListSupervisedAsync(District, 10, CancellationToken.None);
        var report = await harness.Reporter.ReportAsync(District, ReportPeriod.Today(harness.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal([day.C], list.Select(s => s.Number));
        Assert.Equal((1, 1, 2), (report.SupervisedOpenNow, report.OpenNow, report.AwaitingRatingNow));
        // D's first resolution came after its escalations and its 催办: late.
        Assert.Equal((6, 4), (report.FirstResolved, report.ResolvedOnTime));
    }

    [Fact]
    public async Task ReportAsync_UnknownScope_Throws()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));
        var today = ReportPeriod.Today(harness.Clock.GetUtcNow());

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Reporter.ReportAsync("g-nowhere", today, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Reporter.ListSupervisedAsync("g-nowhere", 10, CancellationToken.None));
    }

    [Fact]
    public async Task PlayDay_ProducesTheHistoryTheOtherTestsAssume()
    {
        await using var harness = await ReportingHarness.CreateAsync(At(9, 0));
        var day = await PlayDayAsync(harness);

        Assert.Equal(TicketStatus.Closed, (await harness.GetAsync(day.F)).Status);
        Assert.Contains((await harness.GetAsync(day.F)).Events, e => e.Type == TicketEventType.AutoClosed && e.At == At(10, 45));
        Assert.Contains((await harness.GetAsync(day.A)).Events, e => e.Type == TicketEventType.Warned && e.At == At(9, 30));
        var c = await harness.GetAsync(day.C);
        Assert.Equal(
            [(TicketEventType.SecondWhistle, At(9, 30)), (TicketEventType.Escalated, At(10, 30)), (TicketEventType.Escalated, At(11, 30)), (TicketEventType.Supervised, At(12, 30)), (TicketEventType.Urged, At(12, 30))],
            c.Events.Where(e => e.Type is TicketEventType.SecondWhistle or TicketEventType.Escalated or TicketEventType.Supervised or TicketEventType.Urged).Select(e => (e.Type, e.At)));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2025, 3, 3, hour, minute, 0, TimeSpan.FromHours(8));

    private static TimeSpan? Minutes(double minutes) => TimeSpan.FromMilliseconds(Math.Round(minutes * 60_000));

    /// <summary>Plays the day in the class summary in five-minute steps: the staff act first, then the sweeper.</summary>
    private static async Task<PlayedDay> PlayDayAsync(ReportingHarness h)
    {
        TicketNumber a = default, b = default, c = default, d = default, f = default, g = default;
        var steps = new Dictionary<DateTimeOffset, Func<Task>>
        {
            [At(9, 0)] = async () =>
            {
                a = await h.SubmitAsync("g-xyz-01-01");
                b = await h.SubmitAsync("g-xyz-01-01");
                c = await h.SubmitAsync("g-xyz-01-02");
                d = await h.SubmitAsync("g-dzg-01-01");
                f = await h.SubmitAsync("g-xyz-01-01");
            },
            [At(9, 5)] = () => h.AcceptAsync(c),
            [At(9, 10)] = () => h.AcceptAsync(a),
            [At(9, 15)] = () => h.AcceptAsync(f),
            [At(9, 20)] = () => h.ResolveAsync(c),
            [At(9, 30)] = () => h.RateAsync(c, Rating.Dissatisfied),
            [At(9, 40)] = () => h.ResolveAsync(a),
            [At(9, 45)] = () => h.ResolveAsync(f),
            [At(9, 50)] = () => h.RateAsync(a, Rating.Satisfied),
            [At(10, 20)] = () => h.AcceptAsync(b),
            [At(10, 30)] = () => h.ResolveAsync(b),
            [At(10, 40)] = () => h.RateAsync(b, Rating.FairlySatisfied),
            [At(14, 10)] = async () => g = await h.SubmitAsync("g-xyz-02-01"),
            [At(14, 15)] = () => h.AcceptAsync(g),
            [At(14, 20)] = () => h.ResolveAsync(g),
        };

        for (var now = At(9, 0); now <= ReportTime; now = now.AddMinutes(5))
        {
            h.Clock.Advance(now - h.Clock.GetUtcNow());
            if (steps.TryGetValue(now, out var step))
            {
                await step();
            }

            await h.Sweeper.SweepOnceAsync(CancellationToken.None);
        }

        return new PlayedDay(a, b, c, d, f, g);
    }

    private sealed record PlayedDay(TicketNumber A, TicketNumber B, TicketNumber C, TicketNumber D, TicketNumber F, TicketNumber G);
}
