namespace CitizenBot.Escalation.Sla;

/// <summary>
/// A ticket's next deadline, stored with the ticket (<c>next_due_at</c>) so the sweeper selects due rows in SQL.
/// </summary>
/// <param name="Kind">What falls due, and so what the sweeper does.</param>
/// <param name="DueAt">When, as UTC (offset zero); due means <c>now &gt;= DueAt</c>. May already be past.</param>
internal readonly record struct TicketDeadline(TicketDeadlineKind Kind, DateTimeOffset DueAt);
