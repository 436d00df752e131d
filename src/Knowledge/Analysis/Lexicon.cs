using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// The analyzer's dictionary: domain words, synonym groups and filler, normalized and frozen once at load.
/// </summary>
/// <remarks>Immutable and thread-safe. Learning words later builds a new instance with <see cref="WithWords"/>.</remarks>
public sealed class Lexicon
{
    private readonly FrozenDictionary<string, WordInfo> _words;
    private readonly FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<int, int> _longestByFirstPair;
    private readonly bool[] _startsWord = new bool[char.MaxValue + 1];
    private readonly IReadOnlyList<string> _domainWords;
    private readonly IReadOnlyList<IReadOnlyList<string>> _synonymGroups;

    private Lexicon(IReadOnlyList<string> domainWords, IReadOnlyList<IReadOnlyList<string>> synonymGroups)
    {
        _domainWords = domainWords;
        _synonymGroups = synonymGroups;
        var words = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        foreach (var filler in StopWords.Fillers)
        {
            words[filler] = new WordInfo(filler, IsFiller: true, Canonical: null);
        }

        foreach (var word in domainWords)
        {
            words[word] = new WordInfo(word, IsFiller: false, Canonical: null);
        }

        foreach (var group in synonymGroups)
        {
            var canonical = group[0];
            foreach (var word in group)
            {
                words[word] = new WordInfo(word, IsFiller: false, Canonical: word == canonical ? null : canonical);
            }
        }

        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxWordLength = _words.Count == 0 ? 0 : _words.Keys.Max(w => w.Length);
        foreach (var word in _words.Keys)
        {
            _startsWord[word[0]] = true;
        }

        _longestByFirstPair = _words.Keys
            .GroupBy(w => PairKey(w[0], w[1]))
            .ToFrozenDictionary(g => g.Key, g => g.Max(w => w.Length));
        Fingerprint = ComputeFingerprint(domainWords, synonymGroups);
    }

    /// <summary>An empty lexicon: the analyzer still produces bigrams and unigrams.</summary>
    public static Lexicon Empty { get; } = new([], []);

    /// <summary>Length in characters of the longest dictionary word.</summary>
    public int MaxWordLength { get; }

    /// <summary>Number of domain words and synonym terms (filler excluded).</summary>
    public int Count => _words.Count(kv => !kv.Value.IsFiller);

    /// <summary>Changes whenever the words or synonyms change; stored with the index to know when to re-tokenize.</summary>
    public string Fingerprint { get; }

    /// <summary>All domain words and synonym terms (filler excluded).</summary>
    public IEnumerable<string> Words => _words.Where(kv => !kv.Value.IsFiller).Select(kv => kv.Key);

    /// <summary>Builds a lexicon from already normalized words and synonym groups (first term is canonical).</summary>
    public static Lexicon Create(IEnumerable<string> words, IEnumerable<IReadOnlyList<string>> synonymGroups)
    {
        var domain = words.Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var groups = synonymGroups.Select(g => (IReadOnlyList<string>)g.Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).ToArray())
            .Where(g => g.Count >= 2)
            .ToArray();
        return new Lexicon(domain, groups);
    }

    /// <summary>Returns a new lexicon that also knows <paramref name="words"/> (e.g. words accepted from term mining).</summary>
    public Lexicon WithWords(IEnumerable<string> words) => Create(_domainWords.Concat(words), _synonymGroups);

    internal bool TryGet(ReadOnlySpan<char> word, out string key, out WordInfo info)
    {
        if (_lookup.TryGetValue(word, out info))
        {
            key = info.Word;
            return true;
        }

        key = string.Empty;
        return false;
    }

    /// <summary>
    /// Length of the longest word (filler included) that starts with <paramref name="first"/> and
    /// <paramref name="second"/>; 0 when none does.
    /// </summary>
    /// <remarks>
    /// Lets the analyzer try only the lengths a word could have at a position: most positions start no word at all,
    /// and trying every length up to <see cref="MaxWordLength"/> was most of the time spent analyzing an entry.
    /// </remarks>
    internal int LongestWordStartingWith(char first, char second) =>
        // Most characters start no word at all: a table lookup settles them before the pair is hashed.
        _startsWord[first] && _longestByFirstPair.TryGetValue(PairKey(first, second), out var length) ? length : 0;

    private static int PairKey(char first, char second) => (first << 16) | second;

    private static string ComputeFingerprint(IReadOnlyList<string> words, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        // Stable across processes (unlike string.GetHashCode), because it is compared with the value stored in the index.
        var text = string.Join('\n', words) + "\n#\n" + string.Join('\n', groups.Select(g => string.Join(',', g)));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return $"{words.Count}-{groups.Count}-{Convert.ToHexStringLower(digest.AsSpan(0, 8))}";
    }
}
