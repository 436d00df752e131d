namespace CitizenBot.Bot.Conversations;

/// <summary>
/// One message in a conversation as its live stream shows it: a resident's or worker's message, or the bot's.
/// Sent on <c>GET /api/chat/conversations/{id}/events</c> as <c>event: message</c> with this record as JSON.
/// </summary>
/// <param name="Id">Increasing per process; the SSE event id.</param>
/// <param name="Channel">The channel the conversation lives on.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="ConversationType">Group or private.</param>
/// <param name="SenderId">Who wrote it; the bot's configured name for the bot's own messages.</param>
/// <param name="SenderName">Display name.</param>
/// <param name="FromBot">True for the bot's messages.</param>
/// <param name="Text">The message.</param>
/// <param name="Mentions">Sender ids @-mentioned.</param>
/// <param name="Choices">Buttons under a bot message.</param>
/// <param name="EntryId">The cited knowledge-base entry, if any.</param>
/// <param name="TicketNumber">The ticket it is about, if any.</param>
/// <param name="At">When it was said (UTC).</param>
/// <param name="MessageId">The channel's id of a person's message (so a page matches its own message to the echo); null for the bot's.</param>
internal sealed record ChatEvent(
    long Id,
    string Channel,
    string ConversationId,
    ConversationType ConversationType,
    string SenderId,
    string SenderName,
    bool FromBot,
    string Text,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<ReplyChoice> Choices,
    string? EntryId,
    string? TicketNumber,
    DateTimeOffset At,
    string? MessageId = null);
