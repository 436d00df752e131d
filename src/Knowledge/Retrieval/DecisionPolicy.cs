namespace CitizenBot.Knowledge.Retrieval;

/// <summary>The calibration and decision rules, shared by the retriever and by calibration fitting.</summary>
internal static class DecisionPolicy
{
    /// <summary>Logistic calibration of a hit's score and its lead over the best rival hit.</summary>
    public static double Confidence(double bias, double scoreWeight, double gapWeight, double score, double gap) =>
        1.0 / (1.0 + Math.Exp(-(bias + (scoreWeight * score) + (gapWeight * gap))));

    public static SearchDecision Decide(double topConfidence, int hitCount, double answerThreshold, double clarifyThreshold) =>
        topConfidence >= answerThreshold ? SearchDecision.Answer
        : topConfidence >= clarifyThreshold && hitCount >= 2 ? SearchDecision.Clarify
        : SearchDecision.Abstain;

    /// <summary>The top two hits, plus a third when it is within <paramref name="margin"/> of the top score.</summary>
    public static SearchHit[] Choices(IReadOnlyList<SearchHit> hits, double margin) =>
        [.. hits.Where((h, i) => i < 2 || h.Score >= hits[0].Score - margin).Take(3)];
}
