namespace CitizenBot.Escalation.Tickets;

/// <summary>The actor ids used in ticket history when no staff member acted.</summary>
internal static class TicketActors
{
    /// <summary>The bot or a sweeper: assignment, escalation, supervision trail, auto-close.</summary>
    public const string System = "system";

    /// <summary>The resident who filed the ticket: submission and rating.</summary>
    public const string Resident = "resident";
}
