using System.Diagnostics;
using CitizenBot.Knowledge.Analysis;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Finds the terms residents use most and the words the lexicon does not know yet, without a dictionary: every
/// 1–5-gram of Han characters (text split at anything else) is counted; a 2–4-gram is a new word when it is frequent,
/// cohesive (its smallest pointwise mutual information over the split points reaches
/// <see cref="MiningOptions.MinCohesion"/>) and used freely (the entropy of both its left and its right neighbours
/// reaches <see cref="MiningOptions.MinBoundaryEntropy"/>). Known terms are the lexicon's words found in the text.
/// </summary>
/// <remarks>
/// Feed normalized text with <see cref="Add"/>, then call <see cref="Complete"/> once. Not thread-safe. Memory is
/// bounded by <see cref="MiningOptions.MaxNGrams"/> per n-gram length.
/// </remarks>
public sealed class TermMiner
{
    private const int MaxWordLength = 4;

    private readonly Lexicon _lexicon;
    private readonly MiningOptions _options;
    private readonly NGramCounts<ulong>[] _recent;
    private readonly NGramCounts<UInt128> _recentFive;
    private readonly NGramCounts<ulong>[] _previous;
    private long _recentChars;
    private int _recentMessages;
    private int _previousMessages;

    public TermMiner(Lexicon lexicon, MiningOptions options)
    {
        _lexicon = lexicon;
        _options = options;
        _recent = [.. Enumerable.Range(0, MaxWordLength + 1).Select(_ => new NGramCounts<ulong>(options.MaxNGrams))];
        _previous = [.. Enumerable.Range(0, MaxWordLength + 1).Select(_ => new NGramCounts<ulong>(options.MaxNGrams))];
        _recentFive = new NGramCounts<UInt128>(options.MaxNGrams);
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

            // 5-grams only serve the neighbour entropies of 4-character candidates.
            if (run.Length - i > MaxWordLength)
            {
                _recentFive.Increment(((UInt128)key << 16) | run[i + MaxWordLength]);
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
    public TermMiningResult Complete()
    {
        var candidates = FindCohesiveCandidates();
        AddNeighbourEntropies(candidates);
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, stats) in candidates.SelectMany(c => c))
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
        var pruneFloor = _recent.Max(c => c.PruneFloor);
        pruneFloor = Math.Max(pruneFloor, Math.Max(_recentFive.PruneFloor, _previous.Max(c => c.PruneFloor)));
        return new TermMiningResult(
            [.. byScore.Take(_options.MaxTerms)],
            [.. byScore.Where(t => t.IsNew).Take(_options.MaxTerms)],
            [.. byScore.OrderByDescending(t => t.Rise).ThenByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).Take(_options.MaxTerms)],
            candidates.Sum(c => c.Count),
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
    private Dictionary<ulong, CandidateStats>[] FindCohesiveCandidates()
    {
        var candidates = new Dictionary<ulong, CandidateStats>[MaxWordLength + 1];
        candidates[0] = [];
        candidates[1] = [];
        Span<char> chars = stackalloc char[MaxWordLength];
        for (var n = 2; n <= MaxWordLength; n++)
        {
            var found = new Dictionary<ulong, CandidateStats>();
            foreach (var (key, count) in _recent[n].Entries)
            {
                if (count < _options.MinTermCount)
                {
                    continue;
                }

                var word = chars[..n];
                Unpack(key, word);
                if (StopWords.Particles.Contains(word[0]) || StopWords.Particles.Contains(word[^1]) || _lexicon.TryGet(word, out _, out _))
                {
                    continue;
                }

                if (Cohesion(key, n, count) >= _options.MinCohesion)
                {
                    found[key] = new CandidateStats(n, count);
                }
            }

            candidates[n] = found;
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

    /// <summary>Accumulates Σ c·ln c over each candidate's left and right neighbours from the (n+1)-gram counts.</summary>
    private void AddNeighbourEntropies(Dictionary<ulong, CandidateStats>[] candidates)
    {
        for (var m = 3; m <= MaxWordLength; m++)
        {
            var mask = (1UL << (16 * (m - 1))) - 1;
            foreach (var (key, count) in _recent[m].Entries)
            {
                AddNeighbour(candidates[m - 1], key >> 16, key & mask, count);
            }
        }

        foreach (var (key, count) in _recentFive.Entries)
        {
            AddNeighbour(candidates[MaxWordLength], (ulong)(key >> 16), (ulong)key, count);
        }
    }

    private static void AddNeighbour(Dictionary<ulong, CandidateStats> candidates, ulong prefix, ulong suffix, int count)
    {
        var term = count * Math.Log(count);
        if (candidates.TryGetValue(prefix, out var p))
        {
            p.RightSum += term;
        }

        if (candidates.TryGetValue(suffix, out var s))
        {
            s.LeftSum += term;
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

    /// <summary>One candidate's count and neighbour sums; a class so the dictionaries hand out references.</summary>
    private sealed class CandidateStats(int length, int count)
    {
        public int Length { get; } = length;

        public int Count { get; } = count;

        public double LeftSum { get; set; }

        public double RightSum { get; set; }

        /// <summary>
        /// The smaller neighbour entropy, <c>ln T − Σ c·ln c / T</c> with T the count: occurrences at a run boundary
        /// have a neighbour of their own each (c = 1 adds nothing to the sum).
        /// </summary>
        public double MinEntropy => Math.Log(Count) - (Math.Max(LeftSum, RightSum) / Count);
    }
}
