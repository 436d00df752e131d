namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// Where a ticket stands in its life. The only way back from <see cref="Resolved"/> is the reopen path: a
/// 不满意 rating reopens the ticket as <see cref="Assigned"/> to the unit one level up (二次哨); see
/// <see cref="Ticket.Rate"/>. <see cref="Closed"/> is final.
/// </summary>
internal enum TicketStatus
{
    /// <summary>Filed by a resident; no unit holds it yet.</summary>
    Submitted,

    /// <summary>Handed to a unit (first the grid of its location, later a unit above it) that has not yet accepted it.</summary>
    Assigned,

    /// <summary>The holding unit has accepted it (受理).</summary>
    Accepted,

    /// <summary>Work has started, or it has been dispatched to a functional department.</summary>
    InProgress,

    /// <summary>The holder reports it handled, with a required note of what was done; awaiting the resident's rating.</summary>
    Resolved,

    /// <summary>Final: closed by a 满意/基本满意 rating, or automatically after N days without a rating.</summary>
    Closed,
}
