using CitizenBot.Escalation.Reporting;

namespace CitizenBot.Escalation.Tests.Reporting;

public sealed class ReportPeriodTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Between_SpansBeijingMidnightToMidnight_InUtc()
    {
        var period = ReportPeriod.Between(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2));

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 16, 0, 0, TimeSpan.Zero), period.StartUtc);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 16, 0, 0, TimeSpan.Zero), period.EndUtc);
        Assert.Equal(2, period.DayCount);
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)], period.Days);
    }

    [Fact]
    public void Contains_PutsLateEveningBeijingOnItsBeijingDay()
    {
        var first = ReportPeriod.Between(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1));

        Assert.True(first.Contains(new DateTimeOffset(2025, 3, 1, 23, 30, 0, Beijing)));
        Assert.True(first.Contains(new DateTimeOffset(2025, 3, 1, 0, 0, 0, Beijing)));
        Assert.False(first.Contains(new DateTimeOffset(2025, 3, 2, 0, 0, 0, Beijing)));
        Assert.False(first.Contains(new DateTimeOffset(2025, 2, 28, 23, 59, 59, Beijing)));
    }

    [Fact]
    public void Today_IsTheBeijingDate_EvenWhenTheUtcDateDiffers()
    {
        var period = ReportPeriod.Today(new DateTimeOffset(2025, 3, 1, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal((new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 2)), (period.From, period.To));
    }

    [Fact]
    public void ThisMonth_RunsFromTheFirstToToday_InBeijing()
    {
        var midMonth = ReportPeriod.ThisMonth(new DateTimeOffset(2025, 3, 18, 10, 0, 0, Beijing));
        // 17:00 UTC on 31 March is 01:00 on 1 April in Beijing.
        var newMonth = ReportPeriod.ThisMonth(new DateTimeOffset(2025, 3, 31, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal((new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 18)), (midMonth.From, midMonth.To));
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 1)), (newMonth.From, newMonth.To));
    }

    [Fact]
    public void Between_RejectsReversedAndOverlongRanges()
    {
        var day = new DateOnly(2025, 3, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriod.Between(day, day.AddDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriod.Between(day, day.AddDays(ReportPeriod.MaxDays)));
        Assert.Equal(ReportPeriod.MaxDays, ReportPeriod.Between(day, day.AddDays(ReportPeriod.MaxDays - 1)).DayCount);
    }

    [Fact]
    public void Equality_IsByRange()
    {
        var day = new DateOnly(2025, 3, 1);

        Assert.Equal(ReportPeriod.Between(day, day), ReportPeriod.Today(new DateTimeOffset(2025, 3, 1, 12, 0, 0, Beijing)));
    }
}
