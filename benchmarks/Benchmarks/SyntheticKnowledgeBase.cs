using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Benchmarks;

/// <summary>
/// Deterministic synthetic knowledge bases of any size, made from the real entries so that the text statistics
/// (lengths, vocabulary, term frequencies, Markdown) stay realistic: answers recombine sentences and clauses of
/// real answers, titles and alternative questions are real phrasings with domain words swapped for neighbouring
/// words of <c>lexicon.txt</c> (which is grouped by topic), tags come from real tags, categories cycle the real slugs.
/// The same seed and source files always give the same entries and queries (seeded <see cref="Random"/>).
/// </summary>
internal sealed class SyntheticKnowledgeBase
{
    /// <summary>Bumped whenever generation changes, so cached indexes are rebuilt.</summary>
    public const int GeneratorVersion = 1;

    public const int DefaultSeed = 20_260_515;

    /// <summary>How far (in lexicon lines) a swapped word may be from the original: roughly the same topic.</summary>
    private const int SwapNeighbourhood = 12;

    private static readonly string[] TitlePrefixes = ["请问", "咨询一下", "想问一下", "我想了解", "麻烦问下"];
    private static readonly string[] TitleSuffixes = ["需要什么材料？", "在哪里办理？", "有什么规定？", "找哪个部门？", "怎么办？"];
    private static readonly string[] QueryPrefixes = ["你好，", "请问", "麻烦问下", "@百事通 ", "大家好 ", "问一下 "];
    private static readonly string[] QuerySuffixes = ["谢谢", "急！", "？？", " 在线等", "。"];
    private static readonly char[] QuestionEnds = ['？', '?'];

    private readonly IReadOnlyList<KnowledgeEntry> _real;
    private readonly string[] _categorySlugs;
    private readonly Dictionary<string, KnowledgeEntry[]> _byCategory;
    private readonly string[] _words;
    private readonly Dictionary<string, int> _wordLine;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly int _maxWordLength;
    private readonly Dictionary<string, string[]> _answerUnits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Start, string Word)[]> _occurrences = new(StringComparer.Ordinal);
    private readonly string[] _realPhrasings;
    private readonly string[] _realTags;

    private SyntheticKnowledgeBase(IReadOnlyList<KnowledgeEntry> real, IReadOnlyList<string> categorySlugs, string[] lexiconWords, IReadOnlyList<string> devSet, string sourceFingerprint)
    {
        _real = real;
        _words = lexiconWords;
        _wordLine = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lexiconWords.Length; i++)
        {
            _wordLine.TryAdd(lexiconWords[i], i);
        }

        _wordLookup = _wordLine.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxWordLength = lexiconWords.Length == 0 ? 0 : lexiconWords.Max(w => w.Length);
        _byCategory = real.GroupBy(e => e.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _categorySlugs = [.. categorySlugs.Where(_byCategory.ContainsKey)];
        if (_categorySlugs.Length == 0)
        {
            throw new InvalidOperationException("No real entry belongs to a known category: nothing to generate from.");
        }

        _realPhrasings = [.. real.SelectMany(e => e.Questions.Prepend(e.Title))];
        _realTags = [.. real.SelectMany(e => e.Tags).Distinct(StringComparer.Ordinal)];
        DevSet = devSet;
        SourceFingerprint = sourceFingerprint;
    }

    /// <summary>The real entries the synthetic ones are made from.</summary>
    public IReadOnlyList<KnowledgeEntry> RealEntries => _real;

    /// <summary>The category slugs that generated entries cycle through, in catalog order.</summary>
    public IReadOnlyList<string> CategorySlugs => _categorySlugs;

    /// <summary>The dev set's question texts, in file order.</summary>
    public IReadOnlyList<string> DevSet { get; }

    /// <summary>Changes whenever the source entries, lexicon, dev set or the generator change.</summary>
    public string SourceFingerprint { get; }

    /// <summary>Reads the real entries, the lexicon, the category catalog and the dev set.</summary>
    public static async Task<SyntheticKnowledgeBase> LoadAsync(RepoPaths paths, FaqCategoryCatalog categories, CancellationToken cancellationToken)
    {
        var content = await KnowledgeContentReader.ReadAsync(paths.KnowledgeBase, cancellationToken);
        if (content.Entries.Count == 0)
        {
            throw new InvalidOperationException($"{paths.KnowledgeBase}: no valid entries ({content.Errors.Count} errors).");
        }

        var lexiconText = await File.ReadAllTextAsync(Path.Combine(paths.KnowledgeBase, "lexicon.txt"), cancellationToken);
        var words = lexiconText.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])
            .Where(w => w.Length >= 2)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        var devSet = new List<string>();
        if (File.Exists(paths.DevSet))
        {
            foreach (var line in await File.ReadAllLinesAsync(paths.DevSet, cancellationToken))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } value)
                {
                    devSet.Add(value);
                }
            }
        }

        // Catalog order is file order; sort for a stable cycle whatever the dictionary does.
        var slugs = categories.Categories.Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();

        var fingerprint = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"g{GeneratorVersion}\n")
            .AppendJoin('\n', content.Entries.Select(e => e.ContentHash())).Append('\n')
            .AppendJoin('\n', words).Append('\n')
            .AppendJoin('\n', slugs).Append('\n')
            .AppendJoin('\n', devSet);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint.ToString()));
        return new SyntheticKnowledgeBase(content.Entries, slugs, words, devSet, Convert.ToHexStringLower(digest.AsSpan(0, 8)));
    }

    /// <summary>Generates <paramref name="count"/> published entries with ids <c>syn-000001</c> …</summary>
    public List<KnowledgeEntry> GenerateEntries(int count, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed);
        var entries = new List<KnowledgeEntry>(count);
        for (var i = 1; i <= count; i++)
        {
            entries.Add(GenerateEntry(i, rng));
        }

        return entries;
    }

    /// <summary>
    /// A query set of <paramref name="count"/> messages: dev-set texts (real resident phrasing, perturbed once the
    /// set is exhausted) alternating with real titles and questions perturbed the way residents write.
    /// </summary>
    public List<string> GenerateQueries(int count, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed ^ 0x5EED);
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0 && DevSet.Count > 0)
            {
                var round = i / 2 / DevSet.Count;
                var text = DevSet[i / 2 % DevSet.Count];
                queries.Add(round == 0 ? text : PerturbQuery(text, rng));
            }
            else
            {
                queries.Add(PerturbQuery(_realPhrasings[rng.Next(_realPhrasings.Length)], rng));
            }
        }

        return queries;
    }

    private KnowledgeEntry GenerateEntry(int number, Random rng)
    {
        var category = _categorySlugs[(number - 1) % _categorySlugs.Length];
        var sameCategory = _byCategory[category];
        var baseEntry = sameCategory[rng.Next(sameCategory.Length)];
        var donor = rng.NextDouble() < 0.6
            ? sameCategory[rng.Next(sameCategory.Length)]
            : _real[rng.Next(_real.Count)];

        var title = MakeTitle(baseEntry, rng);
        var questions = MakeQuestions(baseEntry, donor, title, rng);
        var answer = MakeAnswer(baseEntry, donor, rng);
        var tags = MakeTags(baseEntry, donor, rng);
        var updated = baseEntry.Updated?.AddDays(-rng.Next(0, 400));
        return new KnowledgeEntry(
            string.Create(CultureInfo.InvariantCulture, $"syn-{number:D6}"),
            title,
            questions,
            answer,
            category,
            tags,
            baseEntry.Department,
            baseEntry.Source,
            updated,
            EntryStatus.Published);
    }

    private string MakeTitle(KnowledgeEntry entry, Random rng)
    {
        var source = entry.Questions.Count > 0 && rng.NextDouble() < 0.5
            ? entry.Questions[rng.Next(entry.Questions.Count)]
            : entry.Title;
        var title = SwapWords(source, rng.Next(0, 3), rng);
        if (rng.NextDouble() < 0.25)
        {
            title = Pick(TitlePrefixes, rng) + title;
        }

        if (rng.NextDouble() < 0.2)
        {
            title = title.TrimEnd(QuestionEnds) + "，" + Pick(TitleSuffixes, rng);
        }

        return title;
    }

    private List<string> MakeQuestions(KnowledgeEntry entry, KnowledgeEntry donor, string title, Random rng)
    {
        var pool = new List<string>(entry.Questions) { entry.Title };
        if (rng.NextDouble() < 0.3)
        {
            pool.AddRange(donor.Questions);
        }

        var wanted = rng.Next(2, 7);
        var questions = new List<string>(wanted);
        for (var attempt = 0; attempt < wanted * 3 && questions.Count < wanted; attempt++)
        {
            var source = pool[rng.Next(pool.Count)];
            var question = rng.NextDouble() < 0.6 ? SwapWords(source, rng.Next(1, 3), rng) : source;
            if (!string.Equals(question, title, StringComparison.Ordinal) && !questions.Contains(question, StringComparer.Ordinal))
            {
                questions.Add(question);
            }
        }

        return questions;
    }

    private string MakeAnswer(KnowledgeEntry entry, KnowledgeEntry donor, Random rng)
    {
        var own = AnswerUnits(entry.Answer);
        var units = new List<string>(own.Length + 3);
        foreach (var unit in own)
        {
            if (rng.NextDouble() < 0.75)
            {
                units.Add(unit);
            }
        }

        for (var i = 0; units.Count < Math.Min(2, own.Length) && i < own.Length; i++)
        {
            if (!units.Contains(own[i], StringComparer.Ordinal))
            {
                units.Add(own[i]);
            }
        }

        var borrowed = AnswerUnits(donor.Answer);
        if (borrowed.Length > 0)
        {
            var extra = rng.Next(1, 4);
            for (var i = 0; i < extra; i++)
            {
                units.Insert(rng.Next(units.Count + 1), borrowed[rng.Next(borrowed.Length)]);
            }
        }

        var sb = new StringBuilder();
        foreach (var unit in units)
        {
            var text = rng.NextDouble() < 0.2 ? SwapWords(unit, 1, rng) : unit;
            if (rng.NextDouble() < 0.12 && borrowed.Length > 0)
            {
                text = SpliceClause(text, borrowed[rng.Next(borrowed.Length)]);
            }

            sb.Append(text).Append('\n');
        }

        return sb.ToString().TrimEnd();
    }

    private List<string> MakeTags(KnowledgeEntry entry, KnowledgeEntry donor, Random rng)
    {
        var pool = entry.Tags.Concat(donor.Tags).Distinct(StringComparer.Ordinal).ToList();
        if (pool.Count == 0)
        {
            pool.Add(_realTags[rng.Next(_realTags.Length)]);
        }

        var wanted = Math.Min(pool.Count, rng.Next(2, 6));
        var tags = new List<string>(wanted);
        while (tags.Count < wanted)
        {
            var tag = pool[rng.Next(pool.Count)];
            if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        if (rng.NextDouble() < 0.2 && _wordLine.TryGetValue(tags[^1], out var line))
        {
            var neighbour = Neighbour(line, rng);
            if (!tags.Contains(neighbour, StringComparer.Ordinal))
            {
                tags[^1] = neighbour;
            }
        }

        return tags;
    }

    private string PerturbQuery(string text, Random rng)
    {
        var query = SwapWords(text, rng.NextDouble() < 0.5 ? 1 : 0, rng);
        if (rng.NextDouble() < 0.2 && query.Length > 6)
        {
            // A dropped character, as when typing fast; never half of a surrogate pair (emoji).
            var drop = rng.Next(query.Length);
            if (!char.IsSurrogate(query[drop]))
            {
                query = query.Remove(drop, 1);
            }
        }

        if (rng.NextDouble() < 0.3)
        {
            query = Pick(QueryPrefixes, rng) + query;
        }

        if (rng.NextDouble() < 0.2)
        {
            query += Pick(QuerySuffixes, rng);
        }

        return query;
    }

    /// <summary>Replaces up to <paramref name="swaps"/> lexicon words of <paramref name="text"/> with nearby words.</summary>
    private string SwapWords(string text, int swaps, Random rng)
    {
        if (swaps <= 0)
        {
            return text;
        }

        var occurrences = Occurrences(text);
        if (occurrences.Length == 0)
        {
            return text;
        }

        var chosen = new List<(int Start, string Word)>(swaps);
        for (var i = 0; i < swaps; i++)
        {
            var pick = occurrences[rng.Next(occurrences.Length)];
            if (!chosen.Contains(pick))
            {
                chosen.Add(pick);
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new StringBuilder(text.Length + 8);
        var position = 0;
        foreach (var (start, word) in chosen)
        {
            sb.Append(text, position, start - position).Append(Neighbour(_wordLine[word], rng));
            position = start + word.Length;
        }

        return sb.Append(text, position, text.Length - position).ToString();
    }

    private string Neighbour(int line, Random rng)
    {
        var low = Math.Max(0, line - SwapNeighbourhood);
        var high = Math.Min(_words.Length - 1, line + SwapNeighbourhood);
        return _words[rng.Next(low, high + 1)];
    }

    /// <summary>Non-overlapping lexicon words in <paramref name="text"/>, longest match first, left to right (cached).</summary>
    private (int Start, string Word)[] Occurrences(string text)
    {
        if (_occurrences.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var found = new List<(int, string)>();
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var matched = 0;
            for (var length = Math.Min(_maxWordLength, span.Length - i); length >= 2; length--)
            {
                if (_wordLookup.TryGetValue(span.Slice(i, length), out var line))
                {
                    found.Add((i, _words[line]));
                    matched = length;
                    break;
                }
            }

            i += Math.Max(matched, 1);
        }

        cached = [.. found];
        _occurrences[text] = cached;
        return cached;
    }

    /// <summary>An answer's lines, long lines split into sentences (cached).</summary>
    private string[] AnswerUnits(string answer)
    {
        if (_answerUnits.TryGetValue(answer, out var cached))
        {
            return cached;
        }

        var units = new List<string>();
        foreach (var rawLine in answer.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length <= 60)
            {
                units.Add(line);
                continue;
            }

            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '。' && i + 1 < line.Length)
                {
                    units.Add(line[start..(i + 1)]);
                    start = i + 1;
                }
            }

            units.Add(line[start..]);
        }

        cached = [.. units];
        _answerUnits[answer] = cached;
        return cached;
    }

    /// <summary>Keeps the first clause of <paramref name="text"/> and continues with the last clause of another sentence.</summary>
    private static string SpliceClause(string text, string other)
    {
        var cut = text.IndexOfAny(['，', ',']);
        var otherCut = other.LastIndexOfAny(['，', ',']);
        return cut <= 0 || otherCut < 0 || otherCut + 1 >= other.Length
            ? text
            : string.Concat(text.AsSpan(0, cut + 1), other.AsSpan(otherCut + 1));
    }

    private static string Pick(string[] items, Random rng) => items[rng.Next(items.Length)];
}
