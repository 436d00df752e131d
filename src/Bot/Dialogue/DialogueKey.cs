namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// Whose dialogue: one resident in one conversation. Two residents of one group have two dialogues, so their
/// complaint forms never mix; the same resident in a group and in their private thread has two as well.
/// </summary>
internal readonly record struct DialogueKey(string Channel, string ConversationId, string SenderId)
{
    public override string ToString() => $"{Channel}/{ConversationId}/{SenderId}";
}
