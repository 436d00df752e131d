using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Evaluation;

/// <summary>What the retriever did with one question.</summary>
/// <remarks><c>Entry</c> is the entry answered with, or null on clarify and abstain.</remarks>
public sealed record EvalOutcome(
    EvalQuestion Question,
    SearchResult Result,
    string? Entry,
    double LatencyMilliseconds)
{
    /// <summary>Right entry answered, the right entry among the offered choices, or abstained on a null question.</summary>
    public bool IsCorrectAction => (Question.Expected, Result.Decision) switch
    {
        (null, SearchDecision.Abstain) => true,
        (null, _) => false,
        (var expected, SearchDecision.Answer) => Entry == expected,
        (var expected, SearchDecision.Clarify) => Result.Choices.Any(c => c.EntryId == expected),
        _ => false,
    };

    /// <summary>1-based rank of the expected entry among the hits, or 0 when absent.</summary>
    public int ExpectedRank
    {
        get
        {
            for (var i = 0; i < Result.Hits.Count; i++)
            {
                if (Result.Hits[i].EntryId == Question.Expected)
                {
                    return i + 1;
                }
            }

            return 0;
        }
    }
}
