namespace CitizenBot.Knowledge.Retrieval;

/// <summary>The ranked hits for one message and the decision taken on them.</summary>
/// <remarks>
/// <c>Confidence</c> is the top hit's calibrated probability of being right, 0 when there are no hits.
/// <c>ChoicesConfidence</c> is the calibrated probability that the right entry is among the top two or three.
/// <c>Choices</c> are the hits to offer on <see cref="SearchDecision.Clarify"/> (2–3), empty otherwise.
/// </remarks>
public sealed record SearchResult(
    SearchDecision Decision,
    double Confidence,
    double ChoicesConfidence,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<SearchHit> Choices)
{
    /// <summary>The entry to answer with, when the decision is <see cref="SearchDecision.Answer"/>.</summary>
    public SearchHit? Answer => Decision == SearchDecision.Answer ? Hits[0] : null;

    public static SearchResult Empty { get; } = new(SearchDecision.Abstain, 0, 0, [], []);
}
