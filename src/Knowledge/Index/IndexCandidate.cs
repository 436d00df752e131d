namespace CitizenBot.Knowledge.Index;

/// <summary>
/// One entry found by the full-text stage, with the analyzer terms of its short fields for re-ranking.
/// </summary>
/// <remarks>
/// <c>Bm25</c> is FTS5's weighted BM25 with the sign flipped, so larger is better. The term strings are
/// space-separated analyzer terms; alternative questions are separated by <c>|</c>.
/// </remarks>
internal sealed record IndexCandidate(
    string Id,
    string Title,
    string Category,
    double Bm25,
    string TitleTerms,
    string QuestionTerms,
    string TagTerms);
