namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>One queued change to the question log; <see cref="Completion"/> is set for those a caller awaits.</summary>
internal sealed record QuestionLogWrite(
    QuestionLogWriteKind Kind,
    DateTimeOffset At,
    string? ResidentId = null,
    QuestionRecord? Record = null,
    string? EntryId = null,
    TaskCompletionSource<int>? Completion = null);
