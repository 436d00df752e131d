using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Storage;

namespace CitizenBot.Bot.Dialogue;

/// <summary>What handling one message produced: the replies, and what to store with the message id.</summary>
/// <param name="Replies">What the bot says, in order.</param>
/// <param name="States">The dialogue states the message changed; empty when the bot let it pass.</param>
/// <param name="Contact">The sender's contact, when this message changed it (a new name or conversation); else null.</param>
internal sealed record DialogueOutcome(IReadOnlyList<BotReply> Replies, IReadOnlyList<DialogueState> States, ResidentContact? Contact);
