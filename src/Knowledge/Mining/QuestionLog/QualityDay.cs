namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// One calendar day of the quality view (in the report's UTC offset): the questions asked that day, how many were
/// answered, clarified and abstained on (these three add up to <c>Questions</c>), and how many were followed by a
/// handoff or a rephrase.
/// </summary>
internal sealed record QualityDay(
    DateOnly Date,
    int Questions,
    int Answered,
    int Clarified,
    int Abstained,
    int Handoffs,
    int Rephrased);
