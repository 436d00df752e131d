using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// Thrown by <see cref="Ticket"/> for every command its current state does not allow. <see cref="Exception.Message"/>
/// is English for developers and logs; <see cref="Reason"/> is Chinese for staff and residents.
/// </summary>
internal sealed class TicketTransitionException : Exception
{
    public TicketTransitionException(TicketCommand command, TicketStatus status, string message, string reason)
        : base(message)
    {
        Command = command;
        Status = status;
        Reason = reason;
    }

    /// <summary>The command that was refused.</summary>
    public TicketCommand Command { get; }

    /// <summary>The ticket's status when it was refused; unchanged by the refusal.</summary>
    public TicketStatus Status { get; }

    /// <summary>A Chinese sentence for the UI, e.g. <c>工单已办结，不能再受理</c>.</summary>
    public string Reason { get; }

    /// <summary>The refusal for a command the state table does not allow in <paramref name="status"/>.</summary>
    public static TicketTransitionException NotAllowed(TicketCommand command, TicketStatus status)
    {
        var state = status switch
        {
            TicketStatus.Submitted => "工单尚未分派",
            TicketStatus.Assigned => "工单尚未受理",
            TicketStatus.Accepted => "工单已受理",
            TicketStatus.InProgress => "工单正在办理",
            TicketStatus.Resolved => "工单已办理完毕，等待评价",
            _ => "工单已办结",
        };
        var again = status is TicketStatus.Closed or TicketStatus.Resolved ? "再" : string.Empty;
        return new TicketTransitionException(
            command,
            status,
            $"{command} is not allowed when the ticket is {status}.",
            $"{state}，不能{again}{Verb(command)}");
    }

    /// <summary>Dispatching to a department below street level.</summary>
    public static TicketTransitionException DispatchBelowStreet(TicketStatus status, OrgLevel level) =>
        new(TicketCommand.DispatchToDepartment, status, $"Only a street or the district can dispatch; the ticket is held at {level}.", "只有街道或区级可以派发到职能部门");

    /// <summary>Resolving without saying what was done.</summary>
    public static TicketTransitionException ResolveWithoutNote(TicketStatus status) =>
        new(TicketCommand.Resolve, status, "A resolution note is required.", "办结必须填写处理结果");

    /// <summary>Reopening without saying why.</summary>
    public static TicketTransitionException ReopenWithoutNote(TicketStatus status) =>
        new(TicketCommand.Reopen, status, "A reason is required to reopen a ticket.", "重新办理必须填写原因");

    /// <summary>Escalating from the district, which has nothing above it.</summary>
    public static TicketTransitionException EscalateFromDistrict(TicketStatus status) =>
        new(TicketCommand.Escalate, status, "The ticket is already at the district; flag it supervised instead.", "工单已在区级，不能再升级，请督办");

    /// <summary>Escalating to any level but the next one up.</summary>
    public static TicketTransitionException EscalateSkipsLevel(TicketStatus status, OrgLevel from, OrgLevel next, OrgLevel requested) =>
        new(TicketCommand.Escalate, status, $"The ticket can only escalate from {from} to {next}, not {requested}.", $"只能逐级升级到{LevelLadder.ChineseName(next)}");

    /// <summary>Supervising below the district, or twice.</summary>
    public static TicketTransitionException CannotSupervise(TicketStatus status, OrgLevel level, bool supervised) =>
        new(TicketCommand.FlagSupervised, status, $"Only an unsupervised district ticket can be flagged; it is at {level}, supervised: {supervised}.", supervised ? "工单已在督办中" : "只有区级工单可以督办");

    private static string Verb(TicketCommand command) => command switch
    {
        TicketCommand.AssignToGrid => "分派",
        TicketCommand.Accept => "受理",
        TicketCommand.Start => "开始办理",
        TicketCommand.AddNote => "添加备注",
        TicketCommand.RecordReply => "回复",
        TicketCommand.DispatchToDepartment => "派发到部门",
        TicketCommand.Resolve => "办结",
        TicketCommand.Rate => "评价",
        TicketCommand.Reopen => "重新办理",
        TicketCommand.AutoClose => "自动结案",
        TicketCommand.Escalate => "升级",
        TicketCommand.FlagSupervised => "督办",
        TicketCommand.RecordWarning => "预警",
        TicketCommand.RecordUrge => "催办",
        _ => "通报",
    };
}
