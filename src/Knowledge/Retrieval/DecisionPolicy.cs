namespace CitizenBot.Knowledge.Retrieval;

/// <summary>The calibration and decision rules, shared by the retriever and by calibration fitting.</summary>
/// <remarks>
/// Two logistic models over the same features of the top hit (score, lead over the runner-up, evidence): one for
/// "the top hit is right", which decides answering, and one for "the right entry is among the offered choices",
/// which decides clarifying. A clear question with a close sibling has a low top-hit probability but a high
/// choices probability: it should get choices, not an apology.
/// </remarks>
internal static class DecisionPolicy
{
    /// <summary>Logistic calibration of a hit's score, its lead over the best rival hit, and its evidence.</summary>
    public static double Confidence(CalibrationWeights w, double score, double gap, double evidence) =>
        1.0 / (1.0 + Math.Exp(-(w.Bias + (w.Score * score) + (w.Gap * gap) + (w.Evidence * Math.Log(1 + evidence)))));

    public static SearchDecision Decide(double topConfidence, double choicesConfidence, int hitCount, double answerThreshold, double clarifyThreshold) =>
        topConfidence >= answerThreshold ? SearchDecision.Answer
        : choicesConfidence >= clarifyThreshold && hitCount >= 2 ? SearchDecision.Clarify
        : SearchDecision.Abstain;

    /// <summary>The top two hits, plus a third when it is within <paramref name="margin"/> of the top score.</summary>
    public static SearchHit[] Choices(IReadOnlyList<SearchHit> hits, double margin) =>
        [.. hits.Where((h, i) => i < 2 || h.Score >= hits[0].Score - margin).Take(3)];
}
