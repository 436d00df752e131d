namespace CitizenBot.Bot.Tickets;

/// <summary>The resident, with the phone masked (e.g. <c>138****0000</c>).</summary>
internal sealed record TicketReporterResponse(string ChannelUserId, string? Phone);
