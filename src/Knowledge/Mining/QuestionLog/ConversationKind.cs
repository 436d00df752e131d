namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>Where a question was asked: a residents' group chat or a one-to-one thread with the bot.</summary>
internal enum ConversationKind
{
    Group,
    Private,
}
