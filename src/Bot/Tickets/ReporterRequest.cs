namespace CitizenBot.Bot.Tickets;

/// <summary>The resident in <see cref="CreateTicketRequest"/>.</summary>
/// <param name="ChannelUserId">Their id on the channel they wrote from.</param>
/// <param name="Phone">A mobile or landline to call back; stored, but shown only masked.</param>
internal sealed record ReporterRequest(string? ChannelUserId, string? Phone);
