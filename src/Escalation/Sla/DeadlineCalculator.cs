namespace CitizenBot.Escalation.Sla;

/// <summary>Pure deadline arithmetic for ticket time limits. Every instant returned is UTC (offset zero).</summary>
internal static class DeadlineCalculator
{
    /// <summary>
    /// When a ticket received at <paramref name="receivedAt"/> is due, as a UTC instant.
    /// </summary>
    /// <remarks>
    /// <para>Clock durations are added to the instant unchanged: they run through nights, weekends and holidays.</para>
    /// <para>
    /// Working-day durations follow "N working days counted from the day after receipt": take the Beijing
    /// (Asia/Shanghai, UTC+08:00) date of receipt, find the N-th working day after it, and the ticket is due at the
    /// END of that day, 24:00 Beijing time (16:00 UTC the same date). End of day is chosen because the rule grants
    /// whole days; a handler may still act at 23:59 on the last day. The receipt day never counts, even if the
    /// ticket arrives at 00:01 on a working day. The date is always the Beijing one: a ticket received at 00:30
    /// Beijing time (16:30 UTC the previous day) belongs to the new Beijing date.
    /// </para>
    /// </remarks>
    public static DateTimeOffset DueAt(DateTimeOffset receivedAt, SlaDuration duration, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return duration.Kind switch
        {
            SlaDurationKind.ClockTime => receivedAt.ToUniversalTime() + duration.ClockTime,
            SlaDurationKind.WorkingDays => BeijingTime.EndOfDayUtc(
                calendar.AddWorkingDays(BeijingTime.DateOf(receivedAt), duration.WorkingDayCount)),
            _ => throw new ArgumentException("The SLA duration is unspecified; use SlaDuration.Clock or SlaDuration.WorkingDays.", nameof(duration)),
        };
    }

    /// <summary>
    /// When the pre-deadline warning (预警) fires: <paramref name="lead"/> (clock time, not working days) before
    /// <paramref name="dueAt"/>, as UTC. A lead longer than the whole limit gives an instant before receipt, which a
    /// sweeper simply treats as already due for a warning.
    /// </summary>
    public static DateTimeOffset WarningAt(DateTimeOffset dueAt, TimeSpan lead)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lead, TimeSpan.Zero);
        return dueAt.ToUniversalTime() - lead;
    }

    /// <summary>Whether a ticket due at <paramref name="dueAt"/> is overdue at <paramref name="now"/>: due means now &gt;= dueAt.</summary>
    public static bool IsOverdue(DateTimeOffset now, DateTimeOffset dueAt) => now >= dueAt;
}
