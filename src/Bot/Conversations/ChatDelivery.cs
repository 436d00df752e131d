using CitizenBot.Bot.Channels;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Conversations;

/// <summary>
/// Puts what is said on the conversation streams: the residents' messages and the bot's immediate replies as they
/// happen, and the bot's later messages (a worker's reply, a progress notice, a rating request), which also wait in
/// the resident outbox when their channel cannot push.
/// </summary>
internal sealed class ChatDelivery(ConversationFeed feed, ResidentOutbox outbox, IOptions<ChatOptions> options, TimeProvider timeProvider)
{
    private readonly HashSet<string> _pullChannels = new(options.Value.PullChannels, StringComparer.Ordinal);

    public string BotName { get; } = options.Value.BotName;

    /// <summary>Shows a person's message on its conversation's stream.</summary>
    public void Record(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        feed.Publish(new ChatEvent(0, message.Channel, message.ConversationId, message.ConversationType, message.SenderId, message.SenderName, false, message.Text, message.Mentions, [], null, null, message.SentAt, message.MessageId));
    }

    /// <summary>Shows a reply the channel is returning itself (in its HTTP response or passive reply).</summary>
    public void Said(string channel, BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        feed.Publish(ToEvent(channel, reply));
    }

    /// <summary>
    /// Says something nobody asked for just now, to <paramref name="residentSenderId"/> (in a group, with others
    /// reading): on the stream, and into the resident's outbox when the channel can only answer.
    /// </summary>
    public async ValueTask PushAsync(string channel, string residentSenderId, BotReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        feed.Publish(ToEvent(channel, reply));
        if (_pullChannels.Contains(channel))
        {
            var text = reply.Choices.Count == 0 ? reply.Text : $"{reply.Text}\n（可回复：{string.Join(" / ", reply.Choices.Select(c => c.Reply))}）";
            await outbox.SendAsync(new OutboundNotice(ResidentIds.Of(channel, residentSenderId), text, reply.TicketNumber), cancellationToken);
        }
    }

    private ChatEvent ToEvent(string channel, BotReply reply) =>
        new(0, channel, reply.ConversationId, reply.ConversationType, BotName, BotName, true, reply.Text, reply.Mentions, reply.Choices, reply.EntryId, reply.TicketNumber, timeProvider.GetUtcNow());
}
