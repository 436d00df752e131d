namespace CitizenBot.Bot.Conversations;

/// <summary>One message the bot says, in the conversation it names (which may be a private thread, not the one written in).</summary>
/// <param name="ConversationId">Where to say it.</param>
/// <param name="ConversationType">Group or private, so a channel knows how to deliver it.</param>
/// <param name="Text">What to say, in Chinese.</param>
/// <param name="Mentions">Sender ids to @-mention (the resident answered, a grid worker called in).</param>
/// <param name="Choices">Buttons offered with it, in order; empty for none.</param>
/// <param name="EntryId">The knowledge-base entry the answer cites, if any.</param>
/// <param name="TicketNumber">The ticket it is about, if any.</param>
internal sealed record BotReply(
    string ConversationId,
    ConversationType ConversationType,
    string Text,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<ReplyChoice> Choices,
    string? EntryId,
    string? TicketNumber);
