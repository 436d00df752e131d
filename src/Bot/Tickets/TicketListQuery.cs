namespace CitizenBot.Bot.Tickets;

/// <summary>
/// The filters of <c>GET /api/tickets</c>, all optional: <c>status</c> (comma-separated, e.g. <c>assigned,accepted</c>,
/// or <c>open</c> for assigned + accepted + inProgress), <c>gridId</c>, <c>supervised</c>, <c>mine</c> (held by the
/// caller's own unit), <c>from</c>/<c>to</c> (Beijing dates of submission, inclusive), <c>limit</c> (1–200,
/// default 50) and <c>offset</c>.
/// </summary>
internal sealed record TicketListQuery(string? Status, string? GridId, bool? Supervised, bool? Mine, DateOnly? From, DateOnly? To, int? Limit, int? Offset);
