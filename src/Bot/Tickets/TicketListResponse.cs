namespace CitizenBot.Bot.Tickets;

/// <summary>One page of <c>GET /api/tickets</c>.</summary>
/// <param name="Items">The tickets, by submission time.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">Tickets skipped before this page.</param>
/// <param name="HasMore">True when another page follows (ask again with <c>offset + limit</c>).</param>
internal sealed record TicketListResponse(IReadOnlyList<TicketResponse> Items, int Limit, int Offset, bool HasMore);
