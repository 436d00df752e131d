using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>A stored change to a ticket, as announced on <see cref="TicketChangeFeed"/>: enough to route and filter it, no personal data.</summary>
/// <param name="Number">The ticket.</param>
/// <param name="Event">The newest event of the change (Submitted, Escalated, Accepted, …).</param>
/// <param name="Status">The status after the change.</param>
/// <param name="Level">The holding level after the change.</param>
/// <param name="HolderNodeId">The holding node after the change; its people are the ones to notify.</param>
/// <param name="GridNodeId">The ticket's grid; everyone whose unit contains it may see the ticket.</param>
/// <param name="Version">The ticket's version after the change.</param>
/// <param name="At">When the change happened (UTC).</param>
internal sealed record TicketChange(
    TicketNumber Number,
    TicketEventType Event,
    TicketStatus Status,
    OrgLevel? Level,
    string? HolderNodeId,
    string? GridNodeId,
    int Version,
    DateTimeOffset At)
{
    /// <summary>The change a ticket just went through, read from its newest event.</summary>
    public static TicketChange Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var last = ticket.Events[^1];
        return new TicketChange(ticket.Number, last.Type, ticket.Status, ticket.Level, ticket.HolderNodeId, ticket.Location.GridNodeId, ticket.Version, last.At);
    }
}
