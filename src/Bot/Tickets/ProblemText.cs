namespace CitizenBot.Bot.Tickets;

/// <summary>Caller text echoed back in an error message.</summary>
internal static class ProblemText
{
    private const int MaxEcho = 40;

    /// <summary>Enough of <paramref name="text"/> to recognize it, never a 100 KB wall.</summary>
    public static string Clip(string text) => text.Length <= MaxEcho ? text : text[..MaxEcho] + "…";
}
