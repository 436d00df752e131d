namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>A ticket whose next deadline has passed, as the sweeper selects it.</summary>
/// <param name="Number">The ticket.</param>
/// <param name="Kind">What falls due, as the caller stored it (e.g. accept, resolve, auto-close).</param>
/// <param name="DueAt">When it fell due, in UTC.</param>
internal sealed record DueTicket(TicketNumber Number, string Kind, DateTimeOffset DueAt);
