using System.Globalization;
using System.Text;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Benchmarks;

/// <summary>
/// Synthetic entries made from the real ones: answers recombine sentences and clauses of real answers, titles and
/// alternative questions are real phrasings with domain words swapped, tags come from real tags, categories cycle
/// the real slugs.
/// </summary>
internal sealed class SyntheticEntryGenerator
{
    private static readonly string[] TitlePrefixes = ["请问", "咨询一下", "想问一下", "我想了解", "麻烦问下"];
    private static readonly string[] TitleSuffixes = ["需要什么材料？", "在哪里办理？", "有什么规定？", "找哪个部门？", "怎么办？"];
    private static readonly char[] QuestionEnds = ['？', '?'];

    private readonly IReadOnlyList<KnowledgeEntry> _real;
    private readonly string[] _categorySlugs;
    private readonly Dictionary<string, KnowledgeEntry[]> _byCategory;
    private readonly Dictionary<string, string[]> _answerUnits = new(StringComparer.Ordinal);
    private readonly string[] _realTags;
    private readonly LexiconWordSwapper _swapper;

    public SyntheticEntryGenerator(IReadOnlyList<KnowledgeEntry> real, IReadOnlyList<string> categorySlugs, LexiconWordSwapper swapper)
    {
        _real = real;
        _swapper = swapper;
        _byCategory = real.GroupBy(e => e.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _categorySlugs = [.. categorySlugs.Where(_byCategory.ContainsKey)];
        if (_categorySlugs.Length == 0)
        {
            throw new InvalidOperationException("No real entry belongs to a known category: nothing to generate from.");
        }

        _realTags = [.. real.SelectMany(e => e.Tags).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The category slugs that generated entries cycle through, in catalog order.</summary>
    public IReadOnlyList<string> CategorySlugs => _categorySlugs;

    /// <summary>Generates <paramref name="count"/> published entries with ids <c>syn-000001</c> …</summary>
    public List<KnowledgeEntry> Generate(int count, int seed)
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
        var title = _swapper.SwapWords(source, rng.Next(0, 3), rng);
        if (rng.NextDouble() < 0.25)
        {
            title = rng.Pick(TitlePrefixes) + title;
        }

        if (rng.NextDouble() < 0.2)
        {
            title = title.TrimEnd(QuestionEnds) + "，" + rng.Pick(TitleSuffixes);
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
            var question = rng.NextDouble() < 0.6 ? _swapper.SwapWords(source, rng.Next(1, 3), rng) : source;
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
            var text = rng.NextDouble() < 0.2 ? _swapper.SwapWords(unit, 1, rng) : unit;
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

        if (rng.NextDouble() < 0.2 && _swapper.TryGetLine(tags[^1], out var line))
        {
            var neighbour = _swapper.Neighbour(line, rng);
            if (!tags.Contains(neighbour, StringComparer.Ordinal))
            {
                tags[^1] = neighbour;
            }
        }

        return tags;
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
}
