namespace CitizenBot.Escalation.Reporting;

/// <summary>One point of the dashboard chart: what happened on one Beijing day.</summary>
/// <param name="Date">The Beijing calendar day.</param>
/// <param name="Submitted">Tickets filed that day.</param>
/// <param name="Closed">Tickets closed that day (by a 满意/基本满意 rating or automatically).</param>
internal sealed record DailyTicketCount(DateOnly Date, int Submitted, int Closed);
