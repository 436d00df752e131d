namespace CitizenBot.Bot.Conversations;

/// <summary>
/// The one spelling of a resident's id across channels, <c>{channel}:{senderId}</c>: what tickets store as their
/// reporter and what the outbound port is addressed by, so a notice finds its way back to the channel it came from.
/// </summary>
internal static class ResidentIds
{
    public static string Of(string channel, string senderId) => $"{channel}:{senderId}";

    /// <summary>Splits an id made by <see cref="Of"/>; false for anything else.</summary>
    public static bool TrySplit(string residentId, out string channel, out string senderId)
    {
        var colon = residentId.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == residentId.Length - 1)
        {
            channel = senderId = string.Empty;
            return false;
        }

        channel = residentId[..colon];
        senderId = residentId[(colon + 1)..];
        return true;
    }
}
