using System.Globalization;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// Times as <c>dialogue.db</c> stores them: UTC in the round-trip ("O") form, whose fixed width makes text order time
/// order, so range filters and ORDER BY work on the text.
/// </summary>
internal static class DialogueTime
{
    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
