using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// A resident's latest question as the log holds it: what the rephrase, pick and handoff marking need of it.
/// <c>At</c> is UTC Unix milliseconds, as stored; <c>Text</c> is the scrubbed text.
/// </summary>
internal readonly record struct LatestQuestion(long Id, long At, SearchDecision Decision, string? EntryId, string Text)
{
    /// <summary>Answered, or a clarify the resident picked from: see <see cref="RephraseRule"/>.</summary>
    public bool Resolved => Decision == SearchDecision.Answer || EntryId is not null;

    /// <summary>Whether this row comes after one asked at <paramref name="at"/> with id <paramref name="id"/> in the log's order (at, then id).</summary>
    public bool IsAfter(long at, long id) => At > at || (At == at && Id > id);
}
