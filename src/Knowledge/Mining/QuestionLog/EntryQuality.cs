namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// How an entry fared over the quality view's period: <c>Answered</c> counts the questions it answered or was picked
/// for; <c>Rephrased</c> and <c>Handoffs</c> how many of those the resident then rephrased or followed with a request
/// for a person; <c>BadRate</c> the share of <c>Answered</c> followed by either (one question with both counts once).
/// </summary>
internal sealed record EntryQuality(string EntryId, int Answered, int Rephrased, int Handoffs, double BadRate);
