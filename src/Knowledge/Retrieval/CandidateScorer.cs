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

    /// <summary>
    /// Scores one candidate in [0, 1] (<paramref name="topBm25"/> is the best BM25 among the candidates) and
    /// returns the evidence too: the summed weight of the message's terms found in the entry's phrasings and tags.
    /// </summary>
    public (double Score, double Evidence) Score(IndexCandidate candidate, QueryTerms query, double topBm25)
    {
        Span<bool> anywhere = query.Count <= StackLimit ? stackalloc bool[query.Count] : new bool[query.Count];
        Span<bool> inPhrasing = query.Count <= StackLimit ? stackalloc bool[query.Count] : new bool[query.Count];

        var best = PhrasingSimilarity(candidate.TitleTerms, query, inPhrasing, anywhere);
        var questions = candidate.QuestionTerms.AsSpan();
        foreach (var range in questions.Split('|'))
        {
            best = Math.Max(best, PhrasingSimilarity(questions[range], query, inPhrasing, anywhere));
        }

        MarkMatches(candidate.TagTerms, query, anywhere);
        var evidence = MatchedWeight(query, anywhere);
        var coverage = evidence / query.TotalWeight;
        var bm25 = topBm25 > 0 ? candidate.Bm25 / topBm25 : 0;
        var total = options.PhrasingShare + options.CoverageShare + options.Bm25Share;
        return ((((options.PhrasingShare * best) + (options.CoverageShare * coverage) + (options.Bm25Share * bm25)) / total), evidence);
    }

    /// <summary>Weighted geometric mean of message coverage and phrasing coverage.</summary>
    private double PhrasingSimilarity(ReadOnlySpan<char> phrasing, QueryTerms query, Span<bool> matched, Span<bool> anywhere)
    {
        matched.Clear();
        double phrasingWeight = 0, phrasingMatched = 0;
        foreach (var range in phrasing.Split(' '))
        {
            var term = phrasing[range];
            if (term.IsEmpty)
            {
                continue;
            }

            if (query.TryFind(term, out var position))
            {
                var w = query.Weights[position];
                phrasingWeight += w;
                phrasingMatched += w;
                matched[position] = true;
                anywhere[position] = true;
            }
            else
            {
                phrasingWeight += TermWeights.Of(term, statistics, options);
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
}
