namespace CitizenBot.Bot.Tickets;

/// <summary>What a ticket's displayed deadline is for.</summary>
internal enum TicketDeadlinePhase
{
    /// <summary>受理时限: the holder must accept by then.</summary>
    Accept,

    /// <summary>办结时限: the holder must resolve by then.</summary>
    Resolve,

    /// <summary>Resolved and awaiting the resident's rating; closes by itself then.</summary>
    AutoClose,
}
