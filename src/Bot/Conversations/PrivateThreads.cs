namespace CitizenBot.Bot.Conversations;

// TEMPORARY stand-in (branch issue4-wecom only) for the lead's PrivateThreads, same shape; the lead's version wins on merge.
internal static class PrivateThreads
{
    public const string Prefix = "dm-";

    public static string IdOf(string senderId) => Prefix + senderId;
}
