namespace CitizenBot.Bot.Tickets;

/// <summary>The body of the ticket actions that carry text: notes, replies, resolution, reopening.</summary>
/// <param name="Note">The text; required where the action needs it.</param>
internal sealed record TicketNoteRequest(string? Note);
