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
/// Generation itself lives in <see cref="SyntheticEntryGenerator"/> and <see cref="SyntheticQueryGenerator"/>.
/// </summary>
internal sealed class SyntheticKnowledgeBase
{
    /// <summary>Bumped whenever generation changes, so cached indexes are rebuilt.</summary>
    public const int GeneratorVersion = 1;

    public const int DefaultSeed = 20_260_515;

    private readonly SyntheticEntryGenerator _entries;
    private readonly SyntheticQueryGenerator _queries;

    private SyntheticKnowledgeBase(IReadOnlyList<KnowledgeEntry> real, IReadOnlyList<string> categorySlugs, string[] lexiconWords, IReadOnlyList<string> devSet, string sourceFingerprint)
    {
        RealEntries = real;
        var swapper = new LexiconWordSwapper(lexiconWords);
        _entries = new SyntheticEntryGenerator(real, categorySlugs, swapper);
        _queries = new SyntheticQueryGenerator(real, devSet, swapper);
        DevSet = devSet;
        SourceFingerprint = sourceFingerprint;
    }

    /// <summary>The real entries the synthetic ones are made from.</summary>
    public IReadOnlyList<KnowledgeEntry> RealEntries { get; }

    /// <summary>The category slugs that generated entries cycle through, in catalog order.</summary>
    public IReadOnlyList<string> CategorySlugs => _entries.CategorySlugs;

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
    public List<KnowledgeEntry> GenerateEntries(int count, int seed = DefaultSeed) => _entries.Generate(count, seed);

    /// <summary>
    /// A query set of <paramref name="count"/> messages: dev-set texts (real resident phrasing, perturbed once the
    /// set is exhausted) alternating with real titles and questions perturbed the way residents write.
    /// </summary>
    public List<string> GenerateQueries(int count, int seed = DefaultSeed) => _queries.Generate(count, seed);
}
