using CitizenBot.Bot.Conversations;

namespace CitizenBot.Bot.Channels.Http;

/// <summary>The bot's immediate replies to one message; later messages arrive on the conversation's event stream.</summary>
/// <param name="Duplicate">True when the message id was handled before (nothing was done again).</param>
/// <param name="Replies">What the bot says, in order; a reply may be for another conversation (the sender's private thread).</param>
internal sealed record ChatMessageResponse(bool Duplicate, IReadOnlyList<BotReply> Replies);
