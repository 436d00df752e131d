namespace CitizenBot.Escalation.Sla;

/// <summary>A Saturday or Sunday that is a working day (调休上班) to make up for a holiday.</summary>
/// <param name="Date">The Beijing calendar date.</param>
/// <param name="Holiday">The festival the make-up day belongs to.</param>
internal sealed record MakeUpWorkday(DateOnly Date, string Holiday);
