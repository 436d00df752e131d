using System.Text;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Index;

namespace CitizenBot.Knowledge.Retrieval;

/// <summary>
/// Finds the entries that answer a resident's message and decides whether to answer, offer choices or abstain.
/// Two stages: FTS5 BM25 over analyzer terms picks candidates, <see cref="CandidateScorer"/> re-ranks them, and a
/// logistic calibration turns the top score and its lead over the runner-up into a probability.
/// </summary>
/// <remarks>
/// Thread-safe. <see cref="Search"/> is synchronous on purpose: Microsoft.Data.Sqlite has no asynchronous I/O, so
/// an async signature would only add allocations to a sub-millisecond call.
/// </remarks>
public sealed class Retriever
{
    private readonly KnowledgeIndex _index;
    private readonly RetrievalOptions _options;
    private readonly CandidateScorer _scorer;
    private readonly CalibrationWeights _answerModel;
    private readonly CalibrationWeights _choicesModel;
    private readonly Lock _correctorLock = new();
    private CorrectorForLexicon? _corrector;

    public Retriever(KnowledgeIndex index, RetrievalOptions options)
    {
        _index = index;
        _options = options;
        _scorer = new CandidateScorer(index.Terms, options);
        _answerModel = CalibrationWeights.Answer(options);
        _choicesModel = CalibrationWeights.Choices(options);
    }

    public RetrievalOptions Options => _options;

    /// <summary>Returns null when <paramref name="text"/> can be searched, else a message saying why not.</summary>
    public string? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "问题不能为空。";
        }

        return text.Length > _options.MaxQueryLength
            ? $"问题太长了(最多 {_options.MaxQueryLength} 个字),请简要描述您想咨询的事情。"
            : null;
    }

    /// <summary>Searches for <paramref name="text"/> and returns up to <paramref name="k"/> hits with a decision.</summary>
    /// <exception cref="ArgumentException">The text is empty or longer than <see cref="RetrievalOptions.MaxQueryLength"/>.</exception>
    public SearchResult Search(string text, int k = 5)
    {
        if (Validate(text) is { } error)
        {
            throw new ArgumentException(error, nameof(text));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var query = BuildQuery(text);
        if (query.MatchExpression.Length == 0)
        {
            return SearchResult.Empty;
        }

        var statisticsVersion = _index.Terms.Version;
        var candidates = _index.FindCandidates(query.MatchExpression, Math.Max(_options.CandidateCount, k));
        if (candidates.Count == 0)
        {
            return SearchResult.Empty;
        }

        var topBm25 = candidates.Max(c => c.Bm25);
        var scored = candidates
            .Select(c =>
            {
                var (score, evidence) = _scorer.Score(c, query, topBm25, statisticsVersion);
                return (Candidate: c, Score: score, Evidence: evidence);
            })
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.Id, StringComparer.Ordinal)
            .Take(Math.Max(k, 3))
            .ToArray();

        var hits = new List<SearchHit>(scored.Length);
        for (var i = 0; i < scored.Length; i++)
        {
            var rival = i == 0 ? (scored.Length > 1 ? scored[1].Score : 0) : scored[0].Score;
            var (candidate, score, evidence) = scored[i];
            var confidence = DecisionPolicy.Confidence(_answerModel, score, score - rival, evidence);
            hits.Add(new SearchHit(candidate.Id, candidate.Title, candidate.Category, Math.Round(score, 4), Math.Round(confidence, 4), Math.Round(evidence, 3)));
        }

        return Decide(hits, k);
    }

    /// <summary>
    /// Whether the base's published entries contain every character pair of <paramref name="word"/> (a normalized
    /// run of Han characters); null for a word shorter than two characters. False means no entry can be about it.
    /// </summary>
    internal bool? Mentions(string word)
    {
        if (word.Length < 2)
        {
            return null;
        }

        var terms = _index.Terms;
        for (var i = 0; i + 1 < word.Length; i++)
        {
            if (terms.DocumentFrequency(word.AsSpan(i, 2)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    internal QueryTerms BuildQuery(string text)
    {
        var analyzer = _index.Analyzer;
        var normalized = analyzer.Normalize(text);
        var tokens = new List<string>();
        if (!analyzer.TokenizeNormalized(normalized, tokens))
        {
            // Greetings and thanks only: nothing to look up, and their characters would match half the base.
            return new QueryTerms([], [], string.Empty);
        }

        var corrections = new HashSet<string>(StringComparer.Ordinal);
        if (_options.CorrectionWeight > 0)
        {
            CorrectorFor(analyzer.Lexicon).FindCorrections(normalized, _index.Terms, analyzer.Lexicon, corrections);
        }

        var terms = new List<string>();
        var weights = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (seen.Add(token))
            {
                terms.Add(token);
                weights.Add(TermWeights.Of(token, _index.Terms, _options));
            }
        }

        // A correction the message already contains keeps its full weight; only guessed words are discounted.
        foreach (var correction in corrections)
        {
            if (seen.Add(correction))
            {
                terms.Add(correction);
                weights.Add(TermWeights.Of(correction, _index.Terms, _options) * _options.CorrectionWeight);
            }
        }

        return new QueryTerms(terms, weights, BuildMatchExpression(terms, weights));
    }

    /// <summary>
    /// The homophone corrector for <paramref name="lexicon"/>, built on first use and again whenever the index's
    /// analyzer was replaced by one with learned words (the corrector suggests lexicon words only).
    /// </summary>
    private HomophoneCorrector CorrectorFor(Lexicon lexicon)
    {
        if (Volatile.Read(ref _corrector) is { } cached && ReferenceEquals(cached.Lexicon, lexicon))
        {
            return cached.Corrector;
        }

        lock (_correctorLock)
        {
            if (_corrector is not { } current || !ReferenceEquals(current.Lexicon, lexicon))
            {
                current = new CorrectorForLexicon(lexicon, new HomophoneCorrector(lexicon));
                Volatile.Write(ref _corrector, current);
            }

            return current.Corrector;
        }
    }

    /// <summary>
    /// Picks the terms the FTS5 stage searches for: the most telling first, until their postings reach the budget,
    /// leaving out terms in more than <see cref="RetrievalOptions.CommonTermShare"/> of the entries (怎么, 办理).
    /// bm25() costs time for every row a query matches (it also counts each term's rows first), so a message full of
    /// common words would otherwise score most of the base. Every term still counts in re-ranking, where an unseen
    /// one lowers coverage: a sign the message is about something the base lacks.
    /// </summary>
    private string BuildMatchExpression(List<string> terms, List<double> weights)
    {
        var statistics = _index.Terms;
        var commonLimit = Math.Max(1.0, statistics.DocumentCount * _options.CommonTermShare);
        var order = Enumerable.Range(0, terms.Count)
            .Where(i => statistics.DocumentFrequency(terms[i]) is > 0 and var df && df <= commonLimit)
            .OrderByDescending(i => weights[i])
            .ToArray();
        var sb = new StringBuilder();
        long postings = 0;
        var used = 0;
        foreach (var i in order)
        {
            var df = statistics.DocumentFrequency(terms[i]);
            if (used > 0 && (postings + df > _options.MatchPostingsBudget || used >= _options.MaxMatchTerms))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(" OR ");
            }

            QueryTerms.AppendQuoted(sb, terms[i]);
            postings += df;
            used++;
        }

        return sb.ToString();
    }

    private SearchResult Decide(List<SearchHit> hits, int k)
    {
        var top = hits[0];
        var confidence = top.Confidence;
        var choicesConfidence = Math.Round(
            DecisionPolicy.Confidence(_choicesModel, top.Score, top.Score - (hits.Count > 1 ? hits[1].Score : 0), top.Evidence), 4);
        var shown = hits.Take(k).ToArray();
        var decision = DecisionPolicy.Decide(confidence, choicesConfidence, hits.Count, _options.AnswerThreshold, _options.ClarifyThreshold);
        var choices = decision == SearchDecision.Clarify ? DecisionPolicy.Choices(hits, _options.ClarifyMargin) : [];
        return new SearchResult(decision, confidence, choicesConfidence, shown, choices);
    }

    private sealed record CorrectorForLexicon(Lexicon Lexicon, HomophoneCorrector Corrector);
}
