using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Tickets;

/// <summary>The body of <c>POST /api/tickets/{number}/rating</c>, sent by the channel the resident rated on.</summary>
/// <param name="Rating">satisfied (满意), fairlySatisfied (基本满意) or dissatisfied (不满意).</param>
/// <param name="ChannelUserId">The rating resident; must be the ticket's reporter.</param>
internal sealed record RatingRequest(Rating? Rating, string? ChannelUserId);
