namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>A new ticket as <see cref="TicketStore.InsertNewAsync"/> stores it, built once its number is known.</summary>
/// <param name="Ticket">The ticket, carrying the number it was built with.</param>
/// <param name="NextDueAt">Its next deadline, null when nothing falls due.</param>
/// <param name="NextDueKind">What falls due then; null exactly when <paramref name="NextDueAt"/> is.</param>
internal sealed record TicketInsert(Ticket Ticket, DateTimeOffset? NextDueAt, string? NextDueKind);
