namespace CitizenBot.Escalation.Sla;

/// <summary>
/// A ticket time limit: either elapsed clock time (e.g. 2 hours for an urgent leak) or a number of working days
/// (e.g. 3 working days, counted from the day after receipt). Create one with <see cref="Clock"/> or
/// <see cref="WorkingDays"/>; <c>default</c> is <see cref="SlaDurationKind.Unspecified"/> and is rejected.
/// </summary>
internal readonly record struct SlaDuration
{
    private SlaDuration(SlaDurationKind kind, TimeSpan clockTime, int workingDays)
    {
        Kind = kind;
        ClockTime = clockTime;
        WorkingDayCount = workingDays;
    }

    /// <summary>Which of the two measures applies.</summary>
    public SlaDurationKind Kind { get; }

    /// <summary>The elapsed time when <see cref="Kind"/> is <see cref="SlaDurationKind.ClockTime"/>; otherwise zero.</summary>
    public TimeSpan ClockTime { get; }

    /// <summary>The number of working days when <see cref="Kind"/> is <see cref="SlaDurationKind.WorkingDays"/>; otherwise zero.</summary>
    public int WorkingDayCount { get; }

    /// <summary>A limit in elapsed clock time; must be positive.</summary>
    public static SlaDuration Clock(TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(elapsed, TimeSpan.Zero);
        return new SlaDuration(SlaDurationKind.ClockTime, elapsed, 0);
    }

    /// <summary>A limit in whole working days; must be at least 1.</summary>
    public static SlaDuration WorkingDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new SlaDuration(SlaDurationKind.WorkingDays, TimeSpan.Zero, days);
    }

    /// <summary>A short invariant description, e.g. <c>2h</c> or <c>3 working days</c>, for logs.</summary>
    public override string ToString() => Kind switch
    {
        SlaDurationKind.ClockTime => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ClockTime.TotalHours:0.##}h"),
        SlaDurationKind.WorkingDays => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{WorkingDayCount} working days"),
        _ => "unspecified",
    };
}
