namespace CitizenBot.Escalation.Sla;

/// <summary>
/// What a ticket's next stored deadline (<see cref="TicketDeadline"/>) is for, and so what the sweeper does once
/// <c>now &gt;= DueAt</c>. Every reaction is a ticket command that appends an event, after which
/// <see cref="TicketDeadlines.Next"/> gives the following deadline.
/// </summary>
internal enum TicketDeadlineKind
{
    /// <summary>
    /// 预警 before the accept deadline: <see cref="SlaPolicy.WarningLead"/> before it, but not before the ticket reached
    /// its level. Sweeper: <c>RecordWarning</c> and notify the holder.
    /// </summary>
    AcceptWarning,

    /// <summary>
    /// The accept limit (受理时限) has passed with the ticket still <c>Assigned</c>. Sweeper: at Grid, Community or
    /// Street, <c>Escalate</c> one level (the clocks restart there); at District, <c>FlagSupervised</c> (督办) unless
    /// already supervised, then <c>RecordUrge</c> (催办).
    /// </summary>
    AcceptOverdue,

    /// <summary>
    /// 预警 before the resolve deadline of an accepted ticket: <see cref="SlaPolicy.WarningLead"/> before it, but not
    /// before the ticket reached its level. Sweeper: <c>RecordWarning</c> and notify the holder.
    /// </summary>
    ResolveWarning,

    /// <summary>
    /// The resolve limit (办结时限) has passed with the ticket accepted but not resolved. Sweeper: at Grid, Community
    /// or Street, <c>Escalate</c> one level; at District, <c>FlagSupervised</c> (督办) unless already supervised, then
    /// <c>RecordUrge</c> (催办).
    /// </summary>
    ResolveOverdue,

    /// <summary>
    /// 通报: the ticket was urged and is still overdue <see cref="SlaPolicy.ReportAfter"/> (ReportAfterWorkingDays
    /// working days, or the drill duration) after the overdue instant. Sweeper: <c>RecordReport</c> and publish the
    /// report; nothing further follows at that level.
    /// </summary>
    Report,

    /// <summary>
    /// Resolved and not rated within <see cref="SlaPolicy.AutoCloseAfter"/>. Sweeper: <c>AutoClose</c>.
    /// </summary>
    AutoClose,
}
