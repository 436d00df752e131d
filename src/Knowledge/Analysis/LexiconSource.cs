namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// The words and synonym groups a <see cref="Lexicon"/> is built from, kept so that words learned later can be merged
/// in and the lexicon rebuilt exactly as a restart would build it (same order, so the same fingerprint).
/// </summary>
/// <param name="Words">Normalized domain words, in file order.</param>
/// <param name="SynonymGroups">Normalized synonym groups, in file order; the first term of a group is canonical.</param>
public sealed record LexiconSource(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<string>> SynonymGroups)
{
    public static LexiconSource Empty { get; } = new([], []);

    /// <summary>
    /// Adds <paramref name="words"/>, and each synonym pair to the group that holds its <c>Of</c> term (or to a new
    /// group <c>[Of, Term]</c>, <c>Of</c> canonical), in the order given.
    /// </summary>
    public LexiconSource With(IEnumerable<string> words, IEnumerable<(string Term, string Of)> synonyms)
    {
        var groups = SynonymGroups.Select(g => g.ToList()).ToList();
        foreach (var (term, of) in synonyms)
        {
            if (groups.Find(g => g.Contains(of, StringComparer.Ordinal)) is { } group)
            {
                group.Add(term);
            }
            else
            {
                groups.Add([of, term]);
            }
        }

        return new LexiconSource([.. Words, .. words], [.. groups.Select(g => (IReadOnlyList<string>)g.ToArray())]);
    }

    public Lexicon ToLexicon() => Lexicon.Create(Words, SynonymGroups);
}
