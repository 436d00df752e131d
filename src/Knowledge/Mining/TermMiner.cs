using System.Diagnostics;
using CitizenBot.Knowledge.Analysis;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Finds the terms residents use most and the words the lexicon does not know yet, without a dictionary: every
/// 1–4-gram of Han characters (text split at anything else) is counted; a 2–4-gram is a new word when it is frequent,
/// cohesive (its smallest pointwise mutual information over the split points reaches
/// <see cref="MiningOptions.MinCohesion"/>) and used freely (the entropy of both its left and its right neighbours
/// reaches <see cref="MiningOptions.MinBoundaryEntropy"/>). Known terms are the lexicon's words found in the text.
/// </summary>
/// <remarks>
/// Feed normalized text with <see cref="Add"/>, then call <see cref="Complete"/> once. Not thread-safe. Memory is
/// bounded by <see cref="MiningOptions.MaxNGrams"/> per n-gram length (the neighbours of the few candidates that pass
/// frequency and cohesion are counted on a second pass over the recent texts).
/// </remarks>
public sealed class TermMiner
{
    private const int MaxWordLength = 4;

    private readonly Lexicon _lexicon;
    private readonly MiningOptions _options;
    private readonly NGramTable[] _recent;
    private readonly NGramTable[] _previous;
    private long _recentChars;
    private int _recentMessages;
    private int _previousMessages;

    public TermMiner(Lexicon lexicon, MiningOptions options)
    {
        _lexicon = lexicon;
        _options = options;
        _recent = [.. Enumerable.Range(0, MaxWordLength + 1).Select(_ => new NGramTable(options.MaxNGrams))];
        _previous = [.. Enumerable.Range(0, MaxWordLength + 1).Select(_ => new NGramTable(options.MaxNGrams))];
    }

    /// <summary>Counts the n-grams of one message's normalized text (see <see cref="ChineseAnalyzer.Normalize"/>).</summary>
    public void Add(ReadOnlySpan<char> normalized, MiningPeriod period)
    {
        if (period == MiningPeriod.Outside)
        {
            return;
        }

        var recent = period == MiningPeriod.Recent;
        if (recent)
        {
            _recentMessages++;
        }
        else
        {
            _previousMessages++;
        }

        var i = 0;
        while (i < normalized.Length)
        {
            if (!CjkRanges.IsCjkBmp(normalized[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < normalized.Length && CjkRanges.IsCjkBmp(normalized[i]))
            {
                i++;
            }

            if (recent)
            {
                CountRecent(normalized[start..i]);
            }
            else
            {
                CountPrevious(normalized[start..i]);
            }
        }
    }

    private void CountRecent(ReadOnlySpan<char> run)
    {
        _recentChars += run.Length;
        for (var i = 0; i < run.Length; i++)
        {
            ulong key = 0;
            var longest = Math.Min(MaxWordLength, run.Length - i);
            for (var n = 1; n <= longest; n++)
            {
                key = (key << 16) | run[i + n - 1];
                _recent[n].Increment(key);
            }
        }
    }

    private void CountPrevious(ReadOnlySpan<char> run)
    {
        for (var i = 0; i + 1 < run.Length; i++)
        {
            ulong key = run[i];
            var longest = Math.Min(MaxWordLength, run.Length - i);
            for (var n = 2; n <= longest; n++)
            {
                key = (key << 16) | run[i + n - 1];
                _previous[n].Increment(key);
            }
        }
    }

    /// <summary>Ranks what was counted.</summary>
    /// <param name="recentNormalized">
    /// The recent window's normalized texts once more: the neighbours of the few cohesive candidates are counted on a
    /// second pass, which costs far less than counting every 5-gram on the first.
    /// </param>
    public TermMiningResult Complete(IEnumerable<string> recentNormalized)
    {
        var candidates = FindCohesiveCandidates();
        CountNeighbours(candidates, recentNormalized);
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, stats) in candidates)
        {
            if (stats.MinEntropy >= _options.MinBoundaryEntropy)
            {
                accepted[Unpack(key, stats.Length)] = stats.Count;
            }
        }

        DropContained(accepted);
        var terms = new List<MinedTerm>();
        foreach (var (word, _) in accepted)
        {
            terms.Add(Term(word, isNew: true));
        }

        foreach (var word in _lexicon.Words)
        {
            if (word.Length is >= 2 and <= MaxWordLength && IsHan(word) && _recent[word.Length].Get(Pack(word)) >= _options.MinTermCount)
            {
                terms.Add(Term(word, isNew: false));
            }
        }

        var byScore = terms.OrderByDescending(t => t.Score).ThenByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).ToArray();
        var pruneFloor = Math.Max(_recent.Max(c => c.PruneFloor), _previous.Max(c => c.PruneFloor));
        return new TermMiningResult(
            [.. byScore.Take(_options.MaxTerms)],
            [.. byScore.Where(t => t.IsNew).Take(_options.MaxTerms)],
            [.. byScore.OrderByDescending(t => t.Rise).ThenByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).Take(_options.MaxTerms)],
            candidates.Count,
            pruneFloor);
    }

    private MinedTerm Term(string word, bool isNew)
    {
        var key = Pack(word);
        var count = _recent[word.Length].Get(key);
        var previous = _previous[word.Length].Get(key);
        var rise = _previousMessages == 0 ? 1.0 : Math.Round((count + 1.0) / (previous + 1.0), 2);
        return new MinedTerm(word, count, previous, rise, isNew, Math.Round(count * rise, 2));
    }

    /// <summary>Unknown 2–4-grams that are frequent, have no particle at an edge, and hold together.</summary>
    private Dictionary<ulong, CandidateStats> FindCohesiveCandidates()
    {
        var candidates = new Dictionary<ulong, CandidateStats>();
        Span<char> chars = stackalloc char[MaxWordLength];
        for (var n = 2; n <= MaxWordLength; n++)
        {
            foreach (var (key, count) in _recent[n].Entries(_options.MinTermCount))
            {
                var word = chars[..n];
                Unpack(key, word);
                if (StopWords.Particles.Contains(word[0]) || StopWords.Particles.Contains(word[^1]) || _lexicon.TryGet(word, out _, out _))
                {
                    continue;
                }

                if (Cohesion(key, n, count) >= _options.MinCohesion)
                {
                    candidates[key] = new CandidateStats(n, count);
                }
            }
        }

        return candidates;
    }

    private double Cohesion(ulong key, int n, int count)
    {
        var min = double.MaxValue;
        for (var k = 1; k < n; k++)
        {
            var rightBits = 16 * (n - k);
            var left = key >> rightBits;
            var right = key & ((1UL << rightBits) - 1);
            // A part that was pruned as rare is at least as frequent as the whole.
            var leftCount = Math.Max(_recent[k].Get(left), count);
            var rightCount = Math.Max(_recent[n - k].Get(right), count);
            min = Math.Min(min, Math.Log((double)count * _recentChars / ((double)leftCount * rightCount)));
        }

        return min;
    }

    /// <summary>Counts each candidate's left and right neighbour characters over the recent texts.</summary>
    private static void CountNeighbours(Dictionary<ulong, CandidateStats> candidates, IEnumerable<string> recentNormalized)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        foreach (var text in recentNormalized)
        {
            var span = text.AsSpan();
            var i = 0;
            while (i < span.Length)
            {
                if (!CjkRanges.IsCjkBmp(span[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < span.Length && CjkRanges.IsCjkBmp(span[i]))
                {
                    i++;
                }

                var run = span[start..i];
                for (var p = 0; p + 1 < run.Length; p++)
                {
                    ulong key = run[p];
                    var longest = Math.Min(MaxWordLength, run.Length - p);
                    for (var n = 2; n <= longest; n++)
                    {
                        key = (key << 16) | run[p + n - 1];
                        if (candidates.TryGetValue(key, out var stats))
                        {
                            stats.Observe(p > 0 ? run[p - 1] : null, p + n < run.Length ? run[p + n] : null);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Drops accepted candidates inside a longer accepted word seen about as often (民保 inside 惠民保).</summary>
    private void DropContained(Dictionary<string, int> accepted)
    {
        var dropped = new List<string>();
        foreach (var (word, count) in accepted)
        {
            for (var length = 2; length < word.Length; length++)
            {
                for (var start = 0; start + length <= word.Length; start++)
                {
                    var part = word.Substring(start, length);
                    if (accepted.TryGetValue(part, out var partCount) && partCount <= count * _options.ContainedCountRatio)
                    {
                        dropped.Add(part);
                    }
                }
            }
        }

        foreach (var part in dropped)
        {
            accepted.Remove(part);
        }
    }

    private static bool IsHan(string word)
    {
        foreach (var c in word)
        {
            if (!CjkRanges.IsCjkBmp(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ulong Pack(ReadOnlySpan<char> word)
    {
        Debug.Assert(word.Length <= MaxWordLength, "only up to 4 characters fit in a ulong key");
        ulong key = 0;
        foreach (var c in word)
        {
            key = (key << 16) | c;
        }

        return key;
    }

    private static void Unpack(ulong key, Span<char> word)
    {
        for (var j = word.Length - 1; j >= 0; j--)
        {
            word[j] = (char)(key & 0xFFFF);
            key >>= 16;
        }
    }

    private static string Unpack(ulong key, int length) =>
        string.Create(length, key, static (span, k) => Unpack(k, span));

    /// <summary>One candidate's count and neighbour counts; a class so the dictionary hands out references.</summary>
    private sealed class CandidateStats(int length, int count)
    {
        private readonly Dictionary<char, int> _left = [];
        private readonly Dictionary<char, int> _right = [];
        private int _seen;

        public int Length { get; } = length;

        public int Count { get; } = count;

        /// <summary>The smaller of the left and right neighbour entropies.</summary>
        public double MinEntropy => Math.Min(Entropy(_left), Entropy(_right));

        /// <summary>Records one occurrence; null is a run boundary.</summary>
        public void Observe(char? left, char? right)
        {
            _seen++;
            if (left is { } l)
            {
                _left[l] = _left.GetValueOrDefault(l) + 1;
            }

            if (right is { } r)
            {
                _right[r] = _right.GetValueOrDefault(r) + 1;
            }
        }

        /// <summary>
        /// <c>ln T − Σ c·ln c / T</c> over the T occurrences: each occurrence at a run boundary is a neighbour of its
        /// own (c = 1 adds nothing to the sum), so a word standing alone counts as freely used.
        /// </summary>
        private double Entropy(Dictionary<char, int> neighbours)
        {
            if (_seen == 0)
            {
                return 0;
            }

            var sum = 0.0;
            foreach (var c in neighbours.Values)
            {
                sum += c * Math.Log(c);
            }

            return Math.Log(_seen) - (sum / _seen);
        }
    }
}
