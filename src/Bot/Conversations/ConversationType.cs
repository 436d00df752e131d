namespace CitizenBot.Bot.Conversations;

/// <summary>Whether a conversation is a residents' group chat or a one-to-one thread with the bot.</summary>
internal enum ConversationType
{
    /// <summary>A group chat of a grid's residents (and its grid worker): the bot speaks only when addressed.</summary>
    Group,

    /// <summary>A private thread between one resident and the bot: every message is for the bot.</summary>
    Private,
}
