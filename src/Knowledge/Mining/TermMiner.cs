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
/// Feed normalized text with <see cref="Add"/>, then call <see cref="Complete(IEnumerable{string})"/> once. Not thread-safe. Memory is
/// bounded by <see cref="MiningOptions.MaxNGrams"/> per n-gram length (the neighbours of the few candidates that pass
/// frequency and cohesion are counted on a second pass over the recent texts).
/// </remarks>
public sealed class TermMiner
{
    /// <summary>The longest n-gram counted: its characters are its table key.</summary>
    private const int MaxWordLength = PackedChars.MaxLength;

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

        CountRuns(normalized, recent, weight: 1, fromLength: 1, toLength: MaxWordLength);
    }

    /// <summary>
    /// Counts distinct texts, each standing for <paramref name="recentWeights"/>[i] recent and
    /// <paramref name="previousWeights"/>[i] previous messages: the same as adding every copy, in one pass per text.
    /// Two threads split the n-gram lengths (4-grams, whose table misses the cache most, against 1–3-grams).
    /// </summary>
    internal void AddDistinct(IReadOnlyList<string> texts, int[] recentWeights, int[] previousWeights)
    {
        foreach (var w in recentWeights)
        {
            _recentMessages += w;
        }

        foreach (var w in previousWeights)
        {
            _previousMessages += w;
        }

        Parallel.Invoke(
            () => CountDistinct(texts, recentWeights, previousWeights, MaxWordLength, MaxWordLength),
            () => CountDistinct(texts, recentWeights, previousWeights, 1, MaxWordLength - 1));
    }

    private void CountDistinct(IReadOnlyList<string> texts, int[] recentWeights, int[] previousWeights, int fromLength, int toLength)
    {
        for (var t = 0; t < texts.Count; t++)
        {
            if (recentWeights[t] > 0)
            {
                CountRuns(texts[t], recent: true, recentWeights[t], fromLength, toLength);
            }

            if (previousWeights[t] > 0)
            {
                CountRuns(texts[t], recent: false, previousWeights[t], fromLength, toLength);
            }
        }
    }

    private void CountRuns(ReadOnlySpan<char> normalized, bool recent, int weight, int fromLength, int toLength)
    {
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

            var run = normalized[start..i];
            if (recent && fromLength == 1)
            {
                _recentChars += (long)run.Length * weight;
            }

            // The previous window needs no single characters: they only serve cohesion, measured on the recent one.
            Count(run, recent ? _recent : _previous, weight, Math.Max(fromLength, recent ? 1 : 2), toLength);
        }
    }

    private static void Count(ReadOnlySpan<char> run, NGramTable[] tables, int weight, int fromLength, int toLength)
    {
        for (var i = 0; i + fromLength <= run.Length; i++)
        {
            ulong key = 0;
            var longest = Math.Min(toLength, run.Length - i);
            for (var n = 1; n <= longest; n++)
            {
                key = (key << 16) | run[i + n - 1];
                if (n >= fromLength)
                {
                    tables[n].Increment(key, weight);
                }
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
        var texts = recentNormalized.ToArray();
        var weights = new int[texts.Length];
        Array.Fill(weights, 1);
        return Complete(texts, weights);
    }

    /// <summary>As <see cref="Complete(IEnumerable{string})"/>, on distinct texts standing for <paramref name="weights"/> messages each (0: not recent).</summary>
    internal TermMiningResult Complete(IReadOnlyList<string> texts, int[] weights)
    {
        var candidates = FindCohesiveCandidates();
        CountNeighbours(candidates, texts, weights);
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, stats) in candidates)
        {
            if (stats.MinEntropy >= _options.MinBoundaryEntropy)
            {
                accepted[PackedChars.Unpack(key, stats.Length)] = stats.Count;
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
            if (word.Length is >= 2 and <= MaxWordLength && IsHan(word) && _recent[word.Length].Get(PackedChars.Pack(word)) >= _options.MinTermCount)
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
        var key = PackedChars.Pack(word);
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
                PackedChars.Unpack(key, word);
                if (StopWords.Particles.Contains(word[0]) || StopWords.Particles.Contains(word[^1]) || _lexicon.TryGet(word, out _, out _))
                {
                    continue;
                }

                if (Cohesion(key, n, count) >= _options.MinCohesion)
                {
                    candidates[key] = new CandidateStats(key, n, count);
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

    /// <summary>
    /// Counts each candidate's left and right neighbour characters over the recent texts, on both cores: each half of
    /// the texts fills its own table keyed by (candidate, side, character), the halves are summed, then each candidate's
    /// entropies are computed from its entries.
    /// </summary>
    private static void CountNeighbours(Dictionary<ulong, CandidateStats> candidates, IReadOnlyList<string> texts, int[] weights)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        var stats = candidates.Values.ToArray();
        var index = new NGramTable(int.MaxValue);
        for (var c = 0; c < stats.Length; c++)
        {
            // The value stored is the candidate's index + 1 (0 reads as absent).
            index.Increment(stats[c].Key, c + 1);
        }

        var halves = new NeighbourCounts[2];
        Parallel.For(0, halves.Length, h =>
        {
            var counts = new NeighbourCounts(stats.Length);
            var from = texts.Count * h / halves.Length;
            var to = texts.Count * (h + 1) / halves.Length;
            for (var t = from; t < to; t++)
            {
                if (weights[t] > 0)
                {
                    counts.Observe(texts[t], weights[t], index);
                }
            }

            halves[h] = counts;
        });

        var total = halves[0];
        for (var h = 1; h < halves.Length; h++)
        {
            total.Add(halves[h]);
        }

        total.Complete(stats);
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

    /// <summary>One candidate's count and, once counted, its neighbour entropies.</summary>
    private sealed class CandidateStats(ulong key, int length, int count)
    {
        public ulong Key { get; } = key;

        public int Length { get; } = length;

        public int Count { get; } = count;

        /// <summary>The smaller of the left and right neighbour entropies.</summary>
        public double MinEntropy { get; set; }
    }

    /// <summary>Neighbour characters of the candidates, keyed <c>(candidate + 1) · 2¹⁷ + side · 2¹⁶ + character</c>.</summary>
    private sealed class NeighbourCounts(int candidates)
    {
        private readonly NGramTable _neighbours = new(int.MaxValue);
        private readonly long[] _seen = new long[candidates];

        public void Observe(ReadOnlySpan<char> text, int weight, NGramTable index)
        {
            var i = 0;
            while (i < text.Length)
            {
                if (!CjkRanges.IsCjkBmp(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && CjkRanges.IsCjkBmp(text[i]))
                {
                    i++;
                }

                var run = text[start..i];
                for (var p = 0; p + 1 < run.Length; p++)
                {
                    ulong key = run[p];
                    var longest = Math.Min(MaxWordLength, run.Length - p);
                    for (var n = 2; n <= longest; n++)
                    {
                        key = (key << 16) | run[p + n - 1];
                        var found = index.Get(key);
                        if (found == 0)
                        {
                            continue;
                        }

                        _seen[found - 1] += weight;
                        var slot = (ulong)found << 17;
                        if (p > 0)
                        {
                            _neighbours.Increment(slot | run[p - 1], weight);
                        }

                        if (p + n < run.Length)
                        {
                            _neighbours.Increment(slot | 0x10000UL | run[p + n], weight);
                        }
                    }
                }
            }
        }

        public void Add(NeighbourCounts other)
        {
            for (var c = 0; c < _seen.Length; c++)
            {
                _seen[c] += other._seen[c];
            }

            foreach (var (key, count) in other._neighbours.Entries())
            {
                _neighbours.Increment(key, count);
            }
        }

        /// <summary>
        /// Per side, <c>ln T − Σ c·ln c / T</c> over the T occurrences: each occurrence at a run boundary is a neighbour
        /// of its own (c = 1 adds nothing to the sum), so a word standing alone counts as freely used.
        /// </summary>
        public void Complete(CandidateStats[] stats)
        {
            var sums = new double[stats.Length * 2];
            foreach (var (key, count) in _neighbours.Entries())
            {
                var candidate = (int)(key >> 17) - 1;
                var side = (int)((key >> 16) & 1);
                sums[(candidate * 2) + side] += count * Math.Log(count);
            }

            for (var c = 0; c < stats.Length; c++)
            {
                var seen = (double)_seen[c];
                stats[c].MinEntropy = seen == 0 ? 0 : Math.Log(seen) - (Math.Max(sums[c * 2], sums[(c * 2) + 1]) / seen);
            }
        }
    }
}
