namespace CitizenBot.Escalation.Sla;

/// <summary>
/// One cell of the SLA table, e.g. <c>Escalation:Sla:Red:Grid</c>. Both values are duration text read by
/// <see cref="SlaDurationText"/>: <c>hh:mm:ss</c> (hours may exceed 23, e.g. <c>36:00:00</c>), <c>4h</c> or
/// <c>30m</c> for clock time, <c>3wd</c> for working days.
/// </summary>
public sealed class SlaOptionsLimit
{
    public SlaOptionsLimit()
    {
    }

    public SlaOptionsLimit(string accept, string resolve)
    {
        Accept = accept;
        Resolve = resolve;
    }

    /// <summary>Time to accept (受理) after the ticket reaches the level: clock time or working days.</summary>
    public string? Accept { get; set; }

    /// <summary>Time to resolve (办结) after the ticket reaches the level: clock time or working days.</summary>
    public string? Resolve { get; set; }
}
