namespace CitizenBot.Bot.Channels;

/// <summary>
/// A message the service sends to a resident on its own initiative, not as the answer to their message: a grid
/// worker's reply, a progress notice, a request for a rating.
/// </summary>
/// <param name="ChannelUserId">The resident, as the channel knows them (the ticket's reporter).</param>
/// <param name="Text">What to say, in Chinese.</param>
/// <param name="TicketNumber">The ticket it is about, if any.</param>
internal sealed record OutboundNotice(string ChannelUserId, string Text, string? TicketNumber);
