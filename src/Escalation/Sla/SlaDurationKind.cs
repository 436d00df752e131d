namespace CitizenBot.Escalation.Sla;

/// <summary>How an <see cref="SlaDuration"/> is measured.</summary>
internal enum SlaDurationKind
{
    /// <summary>The default value; not a usable duration.</summary>
    Unspecified = 0,

    /// <summary>Elapsed clock time, running through nights, weekends and holidays.</summary>
    ClockTime,

    /// <summary>Whole working days on the Beijing working-day calendar.</summary>
    WorkingDays,
}
