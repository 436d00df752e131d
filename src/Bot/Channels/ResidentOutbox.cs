using CitizenBot.Bot.Messaging;

namespace CitizenBot.Bot.Channels;

/// <summary>
/// The outbound port while no push channel is connected: notices wait here, per resident, for the channel the
/// resident next talks on to hand them over (a pull channel such as web chat collects them with its next answer).
/// Bounded per resident, oldest dropped first, since the ticket history keeps the record of every reply.
/// </summary>
internal sealed class ResidentOutbox : IOutboundPort
{
    public const int MaxPerResident = 50;

    private readonly KeyedMailbox<OutboundNotice> _pending = new(MaxPerResident);

    public ValueTask SendAsync(OutboundNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _pending.Add(notice.ChannelUserId, notice);
        return ValueTask.CompletedTask;
    }

    /// <summary>How many notices wait for <paramref name="channelUserId"/>, leaving them there.</summary>
    public int Count(string channelUserId) => _pending.PeekNewestFirst(channelUserId).Count;

    /// <summary>Takes every notice waiting for <paramref name="channelUserId"/>, oldest first.</summary>
    public IReadOnlyList<OutboundNotice> Collect(string channelUserId) => _pending.TakeAll(channelUserId);
}
