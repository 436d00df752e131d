namespace CitizenBot.Escalation.Tickets;

// Rebuilding a stored ticket, split from its state (Ticket.cs) like its commands; only a ticket store should call it.
internal sealed partial class Ticket
{
    /// <summary>Every field of this ticket as data, for a store to write; see <see cref="Restore"/>.</summary>
    public TicketSnapshot ToSnapshot() => new(
        Number,
        Status,
        CategoryItemId,
        Urgency,
        Description,
        Location,
        Reporter,
        [.. Attachments],
        SubmittedAt,
        ResolvedAt,
        ClosedAt,
        LastTransitionAt,
        Version,
        Level,
        HolderNodeId,
        _custody.Chain,
        [.. VisibleToNodeIds],
        Supervised,
        [.. Events]);

    /// <summary>
    /// The ticket exactly as <see cref="ToSnapshot"/> saw it, without replaying its commands: the state table
    /// judged each one when it was made, and replay would re-check them against today's rules.
    /// </summary>
    public static Ticket Restore(TicketSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(snapshot.Events);
        if (snapshot.Events.Count == 0 || snapshot.Version < 1)
        {
            throw new ArgumentException($"Ticket {snapshot.Number} has no history; every stored ticket was submitted.", nameof(snapshot));
        }

        var ticket = new Ticket(
            snapshot.Number,
            snapshot.CategoryItemId,
            snapshot.Urgency,
            snapshot.Description,
            snapshot.Location,
            snapshot.Reporter,
            [.. snapshot.Attachments],
            snapshot.SubmittedAt.ToUniversalTime())
        {
            Status = snapshot.Status,
            ResolvedAt = snapshot.ResolvedAt?.ToUniversalTime(),
            ClosedAt = snapshot.ClosedAt?.ToUniversalTime(),
            LastTransitionAt = snapshot.LastTransitionAt.ToUniversalTime(),
        };
        ticket._history.Restore(snapshot.Events, snapshot.Version);
        ticket._custody.Restore(snapshot.Level, snapshot.HolderNodeId, snapshot.Holders, snapshot.VisibleToNodeIds, snapshot.Supervised);
        return ticket;
    }
}
