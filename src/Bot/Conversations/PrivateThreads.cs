namespace CitizenBot.Bot.Conversations;

/// <summary>
/// The id of a resident's private thread with the bot, <c>dm-{senderId}</c>, on every channel: the bot opens it
/// itself when a complaint needs details that must stay out of the group, so the id must be derivable.
/// </summary>
internal static class PrivateThreads
{
    public const string Prefix = "dm-";

    public static string IdOf(string senderId) => Prefix + senderId;
}
