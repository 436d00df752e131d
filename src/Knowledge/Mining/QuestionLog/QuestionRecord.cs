using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// A question the bot handled, as the bot hands it to <see cref="QuestionLogStore.Record"/>. The resident id and the text
/// are raw here: the log keys the id and scrubs the text before anything is stored.
/// </summary>
/// <remarks>
/// <c>Confidence</c> is the top hit's calibrated confidence (0–1), 0 when nothing was found. <c>EntryId</c> is the
/// answered entry; null on clarify (a pick sets it later) and on abstain.
/// </remarks>
internal sealed record QuestionRecord(
    DateTimeOffset At,
    string Channel,
    ConversationKind Kind,
    string ResidentId,
    string Text,
    SearchDecision Decision,
    double Confidence,
    string? EntryId);
