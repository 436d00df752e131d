using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Bot.Knowledge;

/// <summary>Body of <c>GET /api/knowledge/search</c>.</summary>
/// <remarks>
/// <c>Confidence</c> is the calibrated probability that the top hit is right; <c>ChoicesConfidence</c> that the right
/// entry is among the top two or three. <c>Answer</c> is the top entry in full when the decision is to answer.
/// </remarks>
internal sealed record SearchResponse(
    string Query,
    SearchDecision Decision,
    double Confidence,
    double ChoicesConfidence,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<SearchHit> Choices,
    EntryResponse? Answer);
