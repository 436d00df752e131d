namespace CitizenBot.Knowledge.Retrieval;

/// <summary>The ranked hits for one message and the decision taken on them.</summary>
/// <remarks>
/// <c>Confidence</c> is the top hit's calibrated confidence, 0 when there are no hits. <c>Choices</c> are the hits
/// to offer on <see cref="SearchDecision.Clarify"/> (2–3), empty otherwise.
/// </remarks>
public sealed record SearchResult(
    SearchDecision Decision,
    double Confidence,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<SearchHit> Choices)
{
    /// <summary>The entry to answer with, when the decision is <see cref="SearchDecision.Answer"/>.</summary>
    public SearchHit? Answer => Decision == SearchDecision.Answer ? Hits[0] : null;

    public static SearchResult Empty { get; } = new(SearchDecision.Abstain, 0, [], []);
}
