using CitizenBot.Escalation.Org;

namespace CitizenBot.Bot.Tickets;

/// <summary>The unit holding a ticket and the people on duty there.</summary>
internal sealed record TicketHolderResponse(string NodeId, string NodeName, OrgLevel Level, IReadOnlyList<string> People);
