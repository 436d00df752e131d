using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Bot.Knowledge;

/// <summary>Body of <c>GET /api/knowledge/search</c>.</summary>
/// <remarks><c>Answer</c> is the top entry in full when the decision is to answer; otherwise null.</remarks>
internal sealed record SearchResponse(
    string Query,
    SearchDecision Decision,
    double Confidence,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<SearchHit> Choices,
    EntryResponse? Answer);
