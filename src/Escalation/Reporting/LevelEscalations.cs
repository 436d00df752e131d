using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Reporting;

/// <summary>How many tickets arrived at one level by moving up, in a report's period.</summary>
/// <param name="Level">The level the tickets moved to (the event's <c>to_level</c>).</param>
/// <param name="Escalated">Escalations for a missed deadline (<c>Escalated</c> events).</param>
/// <param name="SecondWhistle">二次哨 after a 不满意 rating (<c>SecondWhistle</c> events); at the district these stay there.</param>
internal sealed record LevelEscalations(OrgLevel Level, int Escalated, int SecondWhistle)
{
    /// <summary>Both kinds together.</summary>
    public int Total => Escalated + SecondWhistle;
}
