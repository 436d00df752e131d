namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// The quality view over [<c>From</c>, <c>To</c>) (both in the report's UTC offset): every calendar day in it, oldest
/// first, days without questions included as zeros; the totals; and the entries most often followed by a rephrase or
/// a handoff (see <see cref="QuestionLogStore.QualityAsync"/>).
/// </summary>
internal sealed record QualityReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<QualityDay> Days,
    QualityTotals Totals,
    IReadOnlyList<EntryQuality> WorstEntries);
