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
    public static async Task<Lexicon> LoadAsync(string directory, TextNormalizer normalizer, CancellationToken cancellationToken) =>
        (await ReadAsync(directory, normalizer, cancellationToken)).ToLexicon();

    /// <summary>Reads both files from <paramref name="directory"/> without building the lexicon; a missing file counts as empty.</summary>
    public static async Task<LexiconSource> ReadAsync(string directory, TextNormalizer normalizer, CancellationToken cancellationToken)
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

        return new LexiconSource(words, groups);
    }

    /// <summary>
    /// Writes words and synonyms learned in review into the files of <paramref name="directory"/> (an exported copy of
    /// the content folder), so that loading it gives the lexicon the service runs with: words are appended to
    /// <c>lexicon.txt</c> unless already there; a synonym joins the line of the group that holds its <c>Of</c> term,
    /// or starts a new line <c>Of,Term</c>, exactly as <see cref="LexiconSource.With"/> merges them.
    /// </summary>
    public static async Task AppendLearnedAsync(
        string directory,
        TextNormalizer normalizer,
        IReadOnlyList<string> words,
        IReadOnlyList<(string Term, string Of)> synonyms,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var existing = await ReadAsync(directory, normalizer, cancellationToken);
        var known = existing.Words.ToHashSet(StringComparer.Ordinal);
        var newWords = words.Where(known.Add).ToArray();
        if (newWords.Length > 0)
        {
            var lexiconPath = Path.Combine(directory, LexiconFileName);
            var prefix = File.Exists(lexiconPath) && !(await File.ReadAllTextAsync(lexiconPath, cancellationToken)).EndsWith('\n') ? Environment.NewLine : string.Empty;
            await File.AppendAllTextAsync(
                lexiconPath,
                prefix + "# 审核中采纳的新词" + Environment.NewLine + string.Concat(newWords.Select(w => w + Environment.NewLine)),
                cancellationToken);
        }

        if (synonyms.Count == 0)
        {
            return;
        }

        var synonymsPath = Path.Combine(directory, SynonymsFileName);
        var lines = File.Exists(synonymsPath) ? [.. await File.ReadAllLinesAsync(synonymsPath, cancellationToken)] : new List<string>();
        var lineTerms = lines.Select(line => StripComment(line).Split(TermSeparators, StringSplitOptions.RemoveEmptyEntries)
                .Select(t => NormalizeTerm(t, normalizer))
                .Where(t => t.Length >= 2)
                .ToList())
            .ToList();
        foreach (var (term, of) in synonyms)
        {
            // Only a line the loader reads as a group (two terms or more) can take a new member.
            var at = lineTerms.FindIndex(terms => terms.Count >= 2 && terms.Contains(of, StringComparer.Ordinal));
            if (at < 0)
            {
                lines.Add($"{of},{term}");
                lineTerms.Add([of, term]);
                continue;
            }

            if (lineTerms[at].Contains(term, StringComparer.Ordinal))
            {
                continue;
            }

            var hash = lines[at].IndexOf('#', StringComparison.Ordinal);
            var content = (hash < 0 ? lines[at] : lines[at][..hash]).TrimEnd();
            lines[at] = $"{content},{term}" + (hash < 0 ? string.Empty : " " + lines[at][hash..]);
            lineTerms[at].Add(term);
        }

        await File.WriteAllLinesAsync(synonymsPath, lines, cancellationToken);
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    private static string NormalizeTerm(string term, TextNormalizer normalizer) =>
        normalizer.Normalize(term).Replace(" ", string.Empty, StringComparison.Ordinal);
}
