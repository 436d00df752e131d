using System.Collections.Concurrent;

namespace CitizenBot.Bot.Conversations;

// TEMPORARY stand-in (branch issue4-wecom only) for the lead's ChatGateway, so the WeCom channel compiles and its
// tests run; the lead's version replaces it on merge.
internal sealed class ChatGateway
{
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

    public string? Validate(InboundMessage message) => string.IsNullOrWhiteSpace(message.Text) ? "请输入您的问题。" : null;

    public Task<ChatReceipt> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (!_seen.TryAdd($"{message.Channel}:{message.MessageId}", true))
        {
            return Task.FromResult(new ChatReceipt(true, []));
        }

        return Task.FromResult(new ChatReceipt(false, [new BotReply(message.ConversationId, message.ConversationType, "暖气不热请联系物业。", [message.SenderId], [], null, null)]));
    }
}
