namespace CitizenBot.Bot.Channels;

/// <summary>
/// The one way asynchronous messages leave the service for residents. Each chat channel implements it for the users
/// it serves; callers never know which channel a resident is on. Sending happens after the fact it reports is stored
/// (the ticket history holds every reply), so a failed delivery loses no record.
/// </summary>
internal interface IOutboundPort
{
    ValueTask SendAsync(OutboundNotice notice, CancellationToken cancellationToken);
}
