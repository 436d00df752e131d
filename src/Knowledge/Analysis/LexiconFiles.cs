namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// Reads <c>lexicon.txt</c> (one word a line, an optional frequency after a space, <c>#</c> comments) and
/// <c>synonyms.txt</c> (one group of interchangeable terms a line, comma-separated, the first term canonical).
/// Terms are normalized with the analyzer's own normalizer so traditional or full-width input still matches.
/// </summary>
public static class LexiconFiles
{
    public const string LexiconFileName = "lexicon.txt";
    public const string SynonymsFileName = "synonyms.txt";

    private static readonly char[] TermSeparators = [',', '，', '、', ';', '；', ' ', '\t'];

    /// <summary>Loads both files from <paramref name="directory"/>; a missing file counts as empty.</summary>
    public static async Task<Lexicon> LoadAsync(string directory, TextNormalizer normalizer, CancellationToken cancellationToken)
    {
        var words = new List<string>();
        var lexiconPath = Path.Combine(directory, LexiconFileName);
        if (File.Exists(lexiconPath))
        {
            foreach (var line in await File.ReadAllLinesAsync(lexiconPath, cancellationToken))
            {
                var content = StripComment(line);
                var firstSpace = content.IndexOfAny([' ', '\t']);
                var term = NormalizeTerm(firstSpace < 0 ? content : content[..firstSpace], normalizer);
                if (term.Length >= 2)
                {
                    words.Add(term);
                }
            }
        }

        var groups = new List<IReadOnlyList<string>>();
        var synonymsPath = Path.Combine(directory, SynonymsFileName);
        if (File.Exists(synonymsPath))
        {
            foreach (var line in await File.ReadAllLinesAsync(synonymsPath, cancellationToken))
            {
                var terms = StripComment(line).Split(TermSeparators, StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => NormalizeTerm(t, normalizer))
                    .Where(t => t.Length >= 2)
                    .ToArray();
                if (terms.Length >= 2)
                {
                    groups.Add(terms);
                }
            }
        }

        return Lexicon.Create(words, groups);
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    private static string NormalizeTerm(string term, TextNormalizer normalizer) =>
        normalizer.Normalize(term).Replace(" ", string.Empty, StringComparison.Ordinal);
}
