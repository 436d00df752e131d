using CitizenBot.Escalation.Sla;
using static CitizenBot.Escalation.Tests.Sla.SlaTestData;

namespace CitizenBot.Escalation.Tests.Sla;

public sealed class DeadlineCalculatorTests
{
    [Theory]
    // National Day 2025: Oct 1–8 off; Oct 9 (1), Oct 10 (2), make-up Saturday Oct 11 (3); due at 24:00 Beijing.
    [InlineData("2025-09-30T10:00:00+08:00", 3, "2025-10-11T16:00:00+00:00")]
    [InlineData("2025-09-26T09:00:00+08:00", 1, "2025-09-28T16:00:00+00:00")] // Friday → make-up Sunday
    // Spring Festival 2026: Feb 15–23 off; make-up Saturdays Feb 14 and Feb 28.
    [InlineData("2026-02-13T09:00:00+08:00", 3, "2026-02-25T16:00:00+00:00")]
    [InlineData("2026-02-15T09:00:00+08:00", 1, "2026-02-24T16:00:00+00:00")]
    [InlineData("2026-02-26T09:00:00+08:00", 2, "2026-02-28T16:00:00+00:00")]
    [InlineData("2025-12-31T09:00:00+08:00", 1, "2026-01-04T16:00:00+00:00")] // across the year onto a make-up Sunday
    public void DueAt_EndOfNthWorkingDayAfterReceipt_WhenDurationIsWorkingDays(string received, int days, string expected)
    {
        var due = DeadlineCalculator.DueAt(Instant(received), SlaDuration.WorkingDays(days), RealCalendar);

        Assert.Equal(Instant(expected), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Theory]
    [InlineData("2025-09-30T23:30:00+08:00", "2025-10-11T16:00:00+00:00")] // 15:30 UTC, still Sep 30 in Beijing
    [InlineData("2025-09-29T16:30:00+00:00", "2025-10-11T16:00:00+00:00")] // Sep 29 in UTC but Sep 30 00:30 in Beijing
    [InlineData("2025-09-29T15:30:00+00:00", "2025-10-10T16:00:00+00:00")] // Sep 29 23:30 in Beijing: Sep 30 counts
    public void DueAt_UsesBeijingDate_WhenReceivedLateAtNight(string received, string expected) =>
        Assert.Equal(Instant(expected), DeadlineCalculator.DueAt(Instant(received), SlaDuration.WorkingDays(3), RealCalendar));

    [Theory]
    [InlineData("2025-09-30T22:00:00+08:00", 4, "2025-09-30T18:00:00+00:00")]  // into the holiday, past midnight
    [InlineData("2026-02-14T20:00:00+08:00", 48, "2026-02-16T12:00:00+00:00")] // through Spring Festival days off
    [InlineData("2025-10-04T12:00:00+08:00", 2, "2025-10-04T06:00:00+00:00")]  // received on a holiday Saturday
    public void DueAt_AddsElapsedTimeUnchanged_WhenDurationIsClockHours(string received, int hours, string expected)
    {
        var due = DeadlineCalculator.DueAt(Instant(received), SlaDuration.Clock(TimeSpan.FromHours(hours)), RealCalendar);

        Assert.Equal(Instant(expected), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void DueAt_FallsBackToMondayToFriday_WhenYearNotCovered() =>
        Assert.Equal(
            Instant("2030-01-07T16:00:00+00:00"),
            DeadlineCalculator.DueAt(Instant("2030-01-04T09:00:00+08:00"), SlaDuration.WorkingDays(1), RealCalendar));

    [Fact]
    public void DueAt_Throws_WhenDurationIsDefault() =>
        Assert.Throws<ArgumentException>(() => DeadlineCalculator.DueAt(Instant("2025-01-02T09:00:00+08:00"), default, RealCalendar));

    [Theory]
    [InlineData("2025-10-11T16:00:00+00:00", 4, "2025-10-11T12:00:00+00:00")]
    [InlineData("2025-10-12T00:00:00+08:00", 24, "2025-10-10T16:00:00+00:00")]
    public void WarningAt_LeadBeforeDue_WhenLeadIsClockTime(string due, int leadHours, string expected)
    {
        var warning = DeadlineCalculator.WarningAt(Instant(due), TimeSpan.FromHours(leadHours));

        Assert.Equal(Instant(expected), warning);
        Assert.Equal(TimeSpan.Zero, warning.Offset);
    }

    [Fact]
    public void WarningAt_Throws_WhenLeadIsNegative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineCalculator.WarningAt(Instant("2025-10-11T16:00:00+00:00"), TimeSpan.FromHours(-1)));

    [Theory]
    [InlineData("2025-10-11T15:59:59+00:00", false)]
    [InlineData("2025-10-11T16:00:00+00:00", true)]
    [InlineData("2025-10-12T00:00:00+08:00", true)] // the same instant in Beijing time
    [InlineData("2025-10-12T00:00:01+08:00", true)]
    public void IsOverdue_TrueFromDueInstantOn_WhenComparedAtAnyOffset(string now, bool expected) =>
        Assert.Equal(expected, DeadlineCalculator.IsOverdue(Instant(now), Instant("2025-10-11T16:00:00+00:00")));
}
