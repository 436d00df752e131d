using System.Text;

namespace CitizenBot.Benchmarks;

/// <summary>
/// Swaps domain words of a text for neighbouring words of <c>lexicon.txt</c>, which is grouped by topic, so a
/// swapped word is roughly about the same thing as the original.
/// </summary>
internal sealed class LexiconWordSwapper
{
    /// <summary>How far (in lexicon lines) a swapped word may be from the original: roughly the same topic.</summary>
    private const int SwapNeighbourhood = 12;

    private readonly string[] _words;
    private readonly Dictionary<string, int> _wordLine;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly int _maxWordLength;
    private readonly Dictionary<string, (int Start, string Word)[]> _occurrences = new(StringComparer.Ordinal);

    public LexiconWordSwapper(string[] lexiconWords)
    {
        _words = lexiconWords;
        _wordLine = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lexiconWords.Length; i++)
        {
            _wordLine.TryAdd(lexiconWords[i], i);
        }

        _wordLookup = _wordLine.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxWordLength = lexiconWords.Length == 0 ? 0 : lexiconWords.Max(w => w.Length);
    }

    /// <summary>The lexicon line of <paramref name="word"/>, when it is a lexicon word.</summary>
    public bool TryGetLine(string word, out int line) => _wordLine.TryGetValue(word, out line);

    /// <summary>Replaces up to <paramref name="swaps"/> lexicon words of <paramref name="text"/> with nearby words.</summary>
    public string SwapWords(string text, int swaps, Random rng)
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

    /// <summary>A random lexicon word within <see cref="SwapNeighbourhood"/> lines of <paramref name="line"/>.</summary>
    public string Neighbour(int line, Random rng)
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
}
