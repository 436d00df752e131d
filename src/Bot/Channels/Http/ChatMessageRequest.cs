namespace CitizenBot.Bot.Channels.Http;

/// <summary>
/// <c>POST /api/chat/messages</c>: one message as a channel adapter (or the web chat) delivers it. Every field is
/// checked by the gateway, so each is nullable here and a missing one gets a Chinese reason rather than a binding error.
/// </summary>
/// <param name="Channel">The channel's name, e.g. <c>web</c>.</param>
/// <param name="ConversationId">The group's chat id, or the private thread's id (<c>dm-{senderId}</c>).</param>
/// <param name="ConversationType"><c>group</c> or <c>private</c>.</param>
/// <param name="SenderId">The writer's id on the channel.</param>
/// <param name="SenderName">Their display name.</param>
/// <param name="Text">The message, with any @mention as typed.</param>
/// <param name="MessageId">The channel's message id; a second delivery is answered with <c>duplicate: true</c>.</param>
/// <param name="Mentions">Names or ids the channel reports as @-mentioned, besides those in the text.</param>
/// <param name="SentAt">When it was written; the server's time when absent.</param>
internal sealed record ChatMessageRequest(
    string? Channel,
    string? ConversationId,
    string? ConversationType,
    string? SenderId,
    string? SenderName,
    string? Text,
    string? MessageId,
    IReadOnlyList<string>? Mentions,
    DateTimeOffset? SentAt);
