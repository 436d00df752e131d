namespace CitizenBot.Bot.Conversations;

/// <summary>What became of one inbound message.</summary>
/// <param name="Duplicate">True when the message id was handled before; nothing was done again and <paramref name="Replies"/> is empty.</param>
/// <param name="Replies">The bot's immediate replies, in order (possibly in another conversation, such as the resident's private thread).</param>
internal sealed record ChatReceipt(bool Duplicate, IReadOnlyList<BotReply> Replies);
