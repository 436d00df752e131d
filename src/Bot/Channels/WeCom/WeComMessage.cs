using CitizenBot.Bot.Conversations;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>A decrypted callback message (接收消息与事件), the fields this channel reads.</summary>
/// <param name="FromUserName">The member's userid: the sender, and whom a passive reply goes to.</param>
/// <param name="CreateTime">When it was sent (UTC).</param>
/// <param name="MsgType"><c>text</c>, <c>image</c>, <c>event</c>…</param>
/// <param name="Content">The text of a text message.</param>
/// <param name="MsgId">The message id (events have none).</param>
/// <param name="ChatId">The group chat's id, for a message written in a group.</param>
internal sealed record WeComMessage(
    string FromUserName,
    DateTimeOffset CreateTime,
    string MsgType,
    string? Content,
    string? MsgId,
    string? ChatId)
{
    public const string Channel = "wecom";

    public bool IsText => string.Equals(MsgType, "text", StringComparison.Ordinal);

    public bool IsEvent => string.Equals(MsgType, "event", StringComparison.Ordinal);

    /// <summary>The sender as tickets and the resident outbox know them.</summary>
    public string ResidentId => ResidentIds.Of(Channel, FromUserName);

    /// <summary>
    /// The channel-agnostic message, for a text message with its id; null otherwise. Outside a group it is written in
    /// the member's private thread with the bot, whose id every channel derives from the sender.
    /// </summary>
    public InboundMessage? ToInbound() =>
        IsText && Content is not null && !string.IsNullOrEmpty(MsgId)
            ? new InboundMessage(
                Channel,
                ChatId ?? PrivateThreads.IdOf(FromUserName),
                ChatId is null ? ConversationType.Private : ConversationType.Group,
                FromUserName,
                FromUserName,
                Content,
                [],
                MsgId,
                CreateTime)
            : null;
}
