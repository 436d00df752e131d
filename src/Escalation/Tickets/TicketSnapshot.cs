using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// A ticket as plain data: everything <see cref="Ticket.Restore"/> needs to rebuild it exactly, including the
/// <see cref="HolderChain"/> (<c>Holders</c>, null until assigned), every node that has held it and the whole
/// history, oldest first (stores may keep <c>Events</c> apart from the rest). Lists are copies, so a snapshot does
/// not change with the ticket it was taken from. Times are UTC.
/// </summary>
internal sealed record TicketSnapshot(
    TicketNumber Number,
    TicketStatus Status,
    string CategoryItemId,
    UrgencyGrade Urgency,
    string Description,
    TicketLocation Location,
    Reporter Reporter,
    IReadOnlyList<string> Attachments,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset LastTransitionAt,
    int Version,
    OrgLevel? Level,
    string? HolderNodeId,
    HolderChain? Holders,
    IReadOnlyList<string> VisibleToNodeIds,
    bool Supervised,
    IReadOnlyList<TicketEvent> Events);
