using CitizenBot.Bot.Conversations;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>What the bot asks next while filling a complaint, and which slot a bare answer fills.</summary>
internal sealed record ComplaintQuestion(ComplaintSlot Slot, string Text, IReadOnlyList<ReplyChoice> Choices, IReadOnlyList<string> CategoryOptions);
