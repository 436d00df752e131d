namespace CitizenBot.Bot.Tickets;

/// <summary>The signed-in person may see the ticket but not do this to it; <see cref="Exception.Message"/> is Chinese, for them.</summary>
internal sealed class TicketForbiddenException(string message) : Exception(message);
