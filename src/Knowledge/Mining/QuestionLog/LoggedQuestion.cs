using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>One row of the question log, as <see cref="QuestionLogStore.ListAsync"/> reads it back.</summary>
/// <remarks>
/// <c>Id</c> increases in the order questions were recorded. <c>At</c> is when the question was asked, UTC, to the
/// millisecond. <c>ResidentKey</c> is a keyed hash of the resident's id (32 hex digits): the same resident, the same
/// key; never the id. <c>Text</c> is the question with personal data replaced by tokens such as <c>[电话]</c>.
/// <c>Confidence</c> is the top hit's calibrated confidence (0–1). <c>EntryId</c> is the answered entry, or on clarify
/// the entry the resident picked; null otherwise. <c>FollowedByHandoff</c>: the resident asked for a person within
/// the follow-up window after this question. <c>Rephrased</c>: the resident asked again; see <see cref="RephraseRule"/>.
/// </remarks>
internal sealed record LoggedQuestion(
    long Id,
    DateTimeOffset At,
    string Channel,
    ConversationKind Kind,
    string ResidentKey,
    string Text,
    SearchDecision Decision,
    double Confidence,
    string? EntryId,
    bool FollowedByHandoff,
    bool Rephrased);
