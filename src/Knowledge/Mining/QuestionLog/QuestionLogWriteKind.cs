namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>What a queued <see cref="QuestionLogWrite"/> does.</summary>
internal enum QuestionLogWriteKind
{
    /// <summary>Insert a question; mark the resident's previous one rephrased when <see cref="RephraseRule"/> says so.</summary>
    Record,

    /// <summary>Set the entry the resident picked on their latest question, if it is an unpicked clarify.</summary>
    Pick,

    /// <summary>Mark the resident's latest question within the follow-up window as followed by a handoff.</summary>
    Handoff,

    /// <summary>Delete questions before a time.</summary>
    Prune,

    /// <summary>Nothing: completes once everything queued before it is committed.</summary>
    Flush,
}
