namespace CitizenBot.Knowledge.Content;

/// <summary>The file spelling of <see cref="EntryStatus"/>: <c>published</c> or <c>draft</c>.</summary>
internal static class EntryStatusText
{
    public const string Published = "published";
    public const string Draft = "draft";

    public static string ToText(EntryStatus status) => status switch
    {
        EntryStatus.Published => Published,
        EntryStatus.Draft => Draft,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown entry status."),
    };

    /// <summary>Accepts either spelling in any letter case.</summary>
    public static bool TryParse(string text, out EntryStatus status)
    {
        if (string.Equals(text, Published, StringComparison.OrdinalIgnoreCase))
        {
            status = EntryStatus.Published;
            return true;
        }

        status = EntryStatus.Draft;
        return string.Equals(text, Draft, StringComparison.OrdinalIgnoreCase);
    }
}
