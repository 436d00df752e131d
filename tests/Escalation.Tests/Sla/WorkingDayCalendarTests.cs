using CitizenBot.Escalation.Sla;
using static CitizenBot.Escalation.Tests.Sla.SlaTestData;

namespace CitizenBot.Escalation.Tests.Sla;

public sealed class WorkingDayCalendarTests
{
    [Theory]
    [InlineData("2025-10-18")] // Saturday
    [InlineData("2025-10-19")] // Sunday
    [InlineData("2026-03-01")] // Sunday right after the Spring Festival make-up Saturday
    public void IsWorkingDay_False_WhenWeekendWithoutMakeUp(string date) =>
        Assert.False(RealCalendar.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2025-01-26")] // Sunday, 春节
    [InlineData("2025-09-28")] // Sunday, 国庆节、中秋节
    [InlineData("2025-10-11")] // Saturday, 国庆节、中秋节
    [InlineData("2026-01-04")] // Sunday, 元旦
    [InlineData("2026-02-14")] // Saturday, 春节
    [InlineData("2026-02-28")] // Saturday, 春节
    public void IsWorkingDay_True_WhenMakeUpWeekendDay(string date) =>
        Assert.True(RealCalendar.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2025-01-01")] // Wednesday, 元旦
    [InlineData("2025-10-04")] // Saturday inside the National Day week
    [InlineData("2025-10-08")] // Wednesday, last day of 国庆节、中秋节
    [InlineData("2026-02-23")] // Monday, last day of 春节
    [InlineData("2026-10-07")] // Wednesday, 国庆节
    public void IsWorkingDay_False_WhenListedHoliday(string date) =>
        Assert.False(RealCalendar.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2025-10-09")]
    [InlineData("2026-02-24")]
    public void IsWorkingDay_True_WhenOrdinaryWeekday(string date) =>
        Assert.True(RealCalendar.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2027-01-01", true)]  // Friday; 元旦 2027 is not loaded, so plain Mon–Fri applies
    [InlineData("2027-10-01", true)]  // Friday
    [InlineData("2024-10-01", true)]  // Tuesday; 2024 is not loaded
    [InlineData("2030-01-05", false)] // Saturday
    public void IsWorkingDay_FollowsMondayToFriday_WhenYearNotCovered(string date, bool expected)
    {
        Assert.False(RealCalendar.Covers(Date(date)));
        Assert.Equal(expected, RealCalendar.IsWorkingDay(Date(date)));
    }

    [Theory]
    [InlineData("2025-06-15", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2024-12-31", false)]
    [InlineData("2027-01-01", false)]
    public void Covers_TrueOnlyForLoadedYears_WhenAskedForAnyDate(string date, bool expected) =>
        Assert.Equal(expected, RealCalendar.Covers(Date(date)));

    [Theory]
    [InlineData("2025-09-30", "2025-10-09")] // skips the eight-day holiday
    [InlineData("2025-10-10", "2025-10-11")] // make-up Saturday
    [InlineData("2025-10-11", "2025-10-13")]
    [InlineData("2025-12-31", "2026-01-04")] // across the year boundary onto a make-up Sunday
    public void NextWorkingDay_SkipsDaysOff_WhenFollowingDaysAreOff(string date, string expected) =>
        Assert.Equal(Date(expected), RealCalendar.NextWorkingDay(Date(date)));

    [Theory]
    [InlineData("2025-09-30", 0, "2025-09-30")]
    [InlineData("2025-09-30", 3, "2025-10-11")]
    [InlineData("2026-02-13", 3, "2026-02-25")]
    [InlineData("2026-02-15", 1, "2026-02-24")] // counted from a holiday
    public void AddWorkingDays_CountsFromTheNextDay_WhenGivenAnyStartDate(string date, int days, string expected) =>
        Assert.Equal(Date(expected), RealCalendar.AddWorkingDays(Date(date), days));

    [Fact]
    public void AddWorkingDays_Throws_WhenCountIsNegative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RealCalendar.AddWorkingDays(Date("2025-01-02"), -1));

    [Fact]
    public void WeekdaysOnly_TreatsHolidaysAsWorkingDays_WhenNoYearIsLoaded()
    {
        Assert.Empty(WorkingDayCalendar.WeekdaysOnly.KnownYears);
        Assert.True(WorkingDayCalendar.WeekdaysOnly.IsWorkingDay(Date("2025-10-01")));
        Assert.False(WorkingDayCalendar.WeekdaysOnly.IsWorkingDay(Date("2025-10-11")));
    }
}
