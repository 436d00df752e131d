namespace CitizenBot.Escalation.Categories;

/// <summary>
/// Guesses ticket categories from a resident's free text by keyword occurrence. Pure and thread-safe; the guess
/// only pre-fills the complaint form, so plain substring matching is enough and easy to explain to curators.
/// </summary>
internal sealed class CategoryGuesser
{
    public const int DefaultMaxResults = 3;

    private readonly (CategoryItem Item, string[] Terms)[] _entries;

    public CategoryGuesser(CategoryCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _entries = [.. catalog.Items.Select(item => (item, Terms(item)))];
    }

    /// <summary>
    /// The items whose keywords occur in <paramref name="text"/>, best first: most keyword hits, then the longest
    /// matched keyword, then the more urgent grade, then id. Empty when nothing matches.
    /// </summary>
    public IReadOnlyList<CategoryGuess> Guess(string text, int maxResults = DefaultMaxResults)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);

        var guesses = new List<CategoryGuess>();
        foreach (var (item, terms) in _entries)
        {
            var matched = terms.Where(term => text.Contains(term, StringComparison.Ordinal)).ToArray();
            if (matched.Length > 0)
            {
                // Terms are sorted longest first, so the first match is the longest.
                guesses.Add(new CategoryGuess(item, matched.Length, matched[0]));
            }
        }

        return [.. guesses
            .OrderByDescending(g => g.Hits)
            .ThenByDescending(g => g.LongestKeyword.Length)
            .ThenBy(g => g.Item.Grade)
            .ThenBy(g => g.Item.Id, StringComparer.Ordinal)
            .Take(maxResults)];
    }

    private static string[] Terms(CategoryItem item) =>
        [.. item.Keywords.Prepend(item.Name).Distinct(StringComparer.Ordinal).OrderByDescending(term => term.Length)];
}
