namespace CitizenBot.Escalation.Sla;

/// <summary>One problem found in calendar.yaml.</summary>
/// <param name="Line">The 1-based line in the file.</param>
/// <param name="Message">What is wrong, in English.</param>
internal readonly record struct CalendarError(long Line, string Message);
