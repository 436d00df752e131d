namespace CitizenBot.Knowledge.Content;

/// <summary>The file spelling of <see cref="EntryStatus"/>: <c>published</c>, <c>draft</c> or <c>retired</c>.</summary>
public static class EntryStatusText
{
    public const string Published = "published";
    public const string Draft = "draft";
    public const string Retired = "retired";

    public static string ToText(EntryStatus status) => status switch
    {
        EntryStatus.Published => Published,
        EntryStatus.Draft => Draft,
        EntryStatus.Retired => Retired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown entry status."),
    };

    /// <summary>Accepts any of the spellings in any letter case.</summary>
    public static bool TryParse(string text, out EntryStatus status)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in (ReadOnlySpan<EntryStatus>)[EntryStatus.Published, EntryStatus.Draft, EntryStatus.Retired])
        {
            if (string.Equals(text, ToText(candidate), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = EntryStatus.Draft;
        return false;
    }
}
