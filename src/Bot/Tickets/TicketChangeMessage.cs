using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Tickets;

/// <summary>
/// One <c>event: ticket</c> of <c>GET /api/tickets/events</c>: which ticket changed and where it now stands. Pages
/// reload the ticket itself for anything more, so the stream carries no personal data or complaint text.
/// </summary>
/// <param name="Number">The ticket, e.g. <c>HQ-20261121-0007</c>.</param>
/// <param name="Event">The newest event of the change: submitted, escalated, accepted, …</param>
/// <param name="Status">The status after the change.</param>
/// <param name="Level">The holding level after the change.</param>
/// <param name="HolderNodeId">The holding node after the change.</param>
/// <param name="Version">The ticket's version after the change; a page holding this version or a newer one can skip it.</param>
/// <param name="At">When the change happened (UTC).</param>
internal sealed record TicketChangeMessage(
    string Number,
    TicketEventType Event,
    TicketStatus Status,
    OrgLevel? Level,
    string? HolderNodeId,
    int Version,
    DateTimeOffset At)
{
    public static TicketChangeMessage From(TicketChange change) =>
        new(change.Number.ToString(), change.Event, change.Status, change.Level, change.HolderNodeId, change.Version, change.At);
}
