namespace CitizenBot.Bot.Tickets;

/// <summary>Where the problem is: the grid and the free address.</summary>
internal sealed record TicketLocationResponse(string? GridId, string? GridName, string? CommunityName, string Address);
