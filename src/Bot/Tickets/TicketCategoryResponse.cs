namespace CitizenBot.Bot.Tickets;

/// <summary>A ticket's category item and its group.</summary>
internal sealed record TicketCategoryResponse(string Id, string Name, string GroupId, string GroupName);
