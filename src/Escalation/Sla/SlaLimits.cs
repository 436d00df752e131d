namespace CitizenBot.Escalation.Sla;

/// <summary>The two time limits a holding level has for one ticket.</summary>
/// <param name="Accept">From assignment to the level until someone there accepts (受理) the ticket.</param>
/// <param name="Resolve">From assignment to the level until the ticket is resolved (办结).</param>
internal readonly record struct SlaLimits(SlaDuration Accept, SlaDuration Resolve);
