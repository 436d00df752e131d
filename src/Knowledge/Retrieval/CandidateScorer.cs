using System.Collections.Concurrent;
using CitizenBot.Knowledge.Index;

namespace CitizenBot.Knowledge.Retrieval;

/// <summary>
/// Re-ranks full-text candidates the way a person compares questions: the message against each of an entry's
/// phrasings (title and alternatives), counting how much of the message the phrasing explains and how much of the
/// phrasing the message covers, with IDF × kind weights. Works on the stored term strings as spans: no splitting,
/// no allocation per term.
/// </summary>
internal sealed class CandidateScorer(TermStatistics statistics, RetrievalOptions options)
{
    private const int StackLimit = 256;

    /// <summary>At most this many entries' weights are kept (a few MiB); others are computed per query.</summary>
    private const int MaxCachedEntries = 65_536;

    /// <summary>
    /// Per entry id, the summed IDF × kind weight of each phrasing's terms. Re-ranking needs them for every candidate
    /// of every query, and most of a phrasing's terms are not in the message: looking each up in the statistics and
    /// taking its logarithm was the largest single cost of answering a chat message. Sums hold while the statistics'
    /// version is unchanged: every write that changes an entry's terms changes the version after it commits.
    /// </summary>
    private readonly ConcurrentDictionary<string, PhrasingWeights> _phrasingWeights = new(StringComparer.Ordinal);

    /// <summary>
    /// Scores one candidate in [0, 1] (<paramref name="topBm25"/> is the best BM25 among the candidates) and
    /// returns the evidence too: the summed weight of the message's terms found in the entry's phrasings and tags.
    /// </summary>
    /// <param name="candidate">The candidate.</param>
    /// <param name="query">The message's terms.</param>
    /// <param name="topBm25">The best BM25 among the candidates.</param>
    /// <param name="statisticsVersion">
    /// <see cref="TermStatistics.Version"/> as read before the candidates were: weights cached under it describe what
    /// was read, or are superseded by a newer version.
    /// </param>
    public (double Score, double Evidence) Score(IndexCandidate candidate, QueryTerms query, double topBm25, int statisticsVersion)
    {
        Span<bool> anywhere = query.Count <= StackLimit ? stackalloc bool[query.Count] : new bool[query.Count];
        Span<bool> inPhrasing = query.Count <= StackLimit ? stackalloc bool[query.Count] : new bool[query.Count];

        var totals = PhrasingTotals(candidate, statisticsVersion);
        var best = PhrasingSimilarity(candidate.TitleTerms, totals[0], query, inPhrasing, anywhere);
        var questions = candidate.QuestionTerms.AsSpan();
        var phrasing = 1;
        foreach (var range in questions.Split('|'))
        {
            best = Math.Max(best, PhrasingSimilarity(questions[range], totals[phrasing++], query, inPhrasing, anywhere));
        }

        MarkMatches(candidate.TagTerms, query, anywhere);
        var evidence = MatchedWeight(query, anywhere);
        var coverage = evidence / query.TotalWeight;
        var bm25 = topBm25 > 0 ? candidate.Bm25 / topBm25 : 0;
        var total = options.PhrasingShare + options.CoverageShare + options.Bm25Share;
        return ((((options.PhrasingShare * best) + (options.CoverageShare * coverage) + (options.Bm25Share * bm25)) / total), evidence);
    }

    /// <summary>Weighted geometric mean of message coverage and phrasing coverage.</summary>
    /// <param name="phrasing">The phrasing's terms, space-separated.</param>
    /// <param name="storedWeight">The summed statistics weight of all its terms (<see cref="PhrasingTotals"/>).</param>
    /// <param name="query">The message's terms.</param>
    /// <param name="matched">Receives which message terms this phrasing holds.</param>
    /// <param name="anywhere">Accumulates which message terms any phrasing holds.</param>
    private double PhrasingSimilarity(ReadOnlySpan<char> phrasing, double storedWeight, QueryTerms query, Span<bool> matched, Span<bool> anywhere)
    {
        matched.Clear();
        // A term the message shares weighs what it weighs in the message (synonyms and corrections adjust that).
        double phrasingWeight = storedWeight, phrasingMatched = 0;
        foreach (var range in phrasing.Split(' '))
        {
            var term = phrasing[range];
            if (!term.IsEmpty && query.TryFind(term, out var position))
            {
                var w = query.Weights[position];
                phrasingWeight += w - TermWeights.Of(term, statistics, options);
                phrasingMatched += w;
                matched[position] = true;
                anywhere[position] = true;
            }
        }

        if (phrasingWeight <= 0 || phrasingMatched <= 0)
        {
            return 0;
        }

        var messageCoverage = MatchedWeight(query, matched) / query.TotalWeight;
        var phrasingCoverage = phrasingMatched / phrasingWeight;
        var a = options.MessageCoverageExponent;
        return Math.Pow(messageCoverage, a) * Math.Pow(phrasingCoverage, 1 - a);
    }

    /// <summary>The summed statistics weight of the title's terms, then of each alternative phrasing's.</summary>
    private double[] PhrasingTotals(IndexCandidate candidate, int version)
    {
        var questions = candidate.QuestionTerms.AsSpan();
        var count = questions.Count('|') + 2;
        // A write committing between reading the version and reading the candidate may leave sums of the other
        // content under this version until the version moves on: off by one entry's edit, but never the wrong shape.
        if (_phrasingWeights.TryGetValue(candidate.Id, out var cached) && cached.Version == version && cached.Totals.Length == count)
        {
            return cached.Totals;
        }

        var totals = new double[count];
        totals[0] = StoredWeight(candidate.TitleTerms);
        var phrasing = 1;
        foreach (var range in questions.Split('|'))
        {
            totals[phrasing++] = StoredWeight(questions[range]);
        }

        if (cached is not null || _phrasingWeights.Count < MaxCachedEntries)
        {
            _phrasingWeights[candidate.Id] = new PhrasingWeights(version, totals);
        }

        return totals;
    }

    private double StoredWeight(ReadOnlySpan<char> phrasing)
    {
        var sum = 0.0;
        foreach (var range in phrasing.Split(' '))
        {
            if (!phrasing[range].IsEmpty)
            {
                sum += TermWeights.Of(phrasing[range], statistics, options);
            }
        }

        return sum;
    }

    private static void MarkMatches(ReadOnlySpan<char> terms, QueryTerms query, Span<bool> anywhere)
    {
        foreach (var range in terms.Split(' '))
        {
            if (query.TryFind(terms[range], out var position))
            {
                anywhere[position] = true;
            }
        }
    }

    private static double MatchedWeight(QueryTerms query, ReadOnlySpan<bool> matched)
    {
        double sum = 0;
        for (var i = 0; i < matched.Length; i++)
        {
            if (matched[i])
            {
                sum += query.Weights[i];
            }
        }

        return sum;
    }

    /// <param name="Version">The statistics' version the sums were computed under.</param>
    /// <param name="Totals">The title's sum, then each alternative phrasing's.</param>
    private sealed record PhrasingWeights(int Version, double[] Totals);
}
