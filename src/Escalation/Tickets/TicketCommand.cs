namespace CitizenBot.Escalation.Tickets;

/// <summary>The commands a <see cref="Ticket"/> accepts, named in <see cref="TicketTransitionException"/>.</summary>
internal enum TicketCommand
{
    AssignToGrid,
    Accept,
    Start,
    AddNote,
    RecordReply,
    DispatchToDepartment,
    Resolve,
    Rate,
    Reopen,
    AutoClose,
    Escalate,
    FlagSupervised,
    RecordWarning,
    RecordUrge,
    RecordReport,
}
