namespace CitizenBot.Escalation.Tickets;

/// <summary>What happened to a ticket, as recorded in its append-only history.</summary>
internal enum TicketEventType
{
    /// <summary>A resident filed the ticket.</summary>
    Submitted,

    /// <summary>Handed to the grid of its location.</summary>
    Assigned,

    /// <summary>The holding unit accepted it (受理).</summary>
    Accepted,

    /// <summary>The holder started work.</summary>
    Started,

    /// <summary>An internal note for staff.</summary>
    NoteAdded,

    /// <summary>A reply was sent to the resident.</summary>
    ReplySent,

    /// <summary>Dispatched to a functional department (street or district level only).</summary>
    Dispatched,

    /// <summary>The holder reported it handled, with a note of what was done.</summary>
    Resolved,

    /// <summary>The resident rated the handling; the rating is in <see cref="TicketEvent.Data"/>.</summary>
    Rated,

    /// <summary>A resolved ticket went back into work: a 不满意 rating (actor: the resident), or staff reopening it with a reason.</summary>
    Reopened,

    /// <summary>二次哨: the reopened ticket was whistled up one level (or stayed at the district).</summary>
    SecondWhistle,

    /// <summary>Moved up one level, usually because a deadline passed.</summary>
    Escalated,

    /// <summary>预警: a deadline is near.</summary>
    Warned,

    /// <summary>催办: the holder was urged to act.</summary>
    Urged,

    /// <summary>通报: the holder's lateness was reported.</summary>
    Reported,

    /// <summary>督办: the district took the ticket under supervision.</summary>
    Supervised,

    /// <summary>Closed automatically after N days without a rating.</summary>
    AutoClosed,
}
