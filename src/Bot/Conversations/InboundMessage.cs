namespace CitizenBot.Bot.Conversations;

/// <summary>
/// One message a person wrote, as every channel translates it: the only shape the dialogue engine knows.
/// </summary>
/// <param name="Channel">The channel it came from (<c>web</c>, <c>wecom</c>, or an API client's own name).</param>
/// <param name="ConversationId">The chat it was written in: a group's chat id, or a private thread's id.</param>
/// <param name="ConversationType">Group or private.</param>
/// <param name="SenderId">Who wrote it, as the channel identifies them (a grid worker's is their org.yaml <c>sender</c>).</param>
/// <param name="SenderName">Their display name in the chat.</param>
/// <param name="Text">What they wrote; an @mention may be part of it, as people type it. Personal data: never log it.</param>
/// <param name="Mentions">Who the channel says was @-mentioned (names or ids), in addition to mentions in the text.</param>
/// <param name="MessageId">The channel's id of the message; a second delivery of the same id is ignored.</param>
/// <param name="SentAt">When it was written (UTC).</param>
internal sealed record InboundMessage(
    string Channel,
    string ConversationId,
    ConversationType ConversationType,
    string SenderId,
    string SenderName,
    string Text,
    IReadOnlyList<string> Mentions,
    string MessageId,
    DateTimeOffset SentAt);
