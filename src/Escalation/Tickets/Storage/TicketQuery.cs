namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// Filters for <see cref="TicketStore.ListAsync"/>; a null filter matches every ticket, an empty set matches none.
/// Results are ordered by submission time, then number.
/// </summary>
internal sealed record TicketQuery
{
    public IReadOnlyCollection<TicketStatus>? Statuses { get; init; }

    /// <summary>The node holding the ticket now (not earlier holders).</summary>
    public IReadOnlyCollection<string>? HolderNodeIds { get; init; }

    public IReadOnlyCollection<string>? GridNodeIds { get; init; }

    public bool? Supervised { get; init; }

    /// <summary>Only tickets this resident reported: <see cref="Reporter.ChannelUserId"/>, matched exactly.</summary>
    public string? ReporterId { get; init; }

    /// <summary>Inclusive lower bound on <see cref="Ticket.SubmittedAt"/>.</summary>
    public DateTimeOffset? SubmittedFrom { get; init; }

    /// <summary>Exclusive upper bound on <see cref="Ticket.SubmittedAt"/>.</summary>
    public DateTimeOffset? SubmittedBefore { get; init; }

    /// <summary>At most this many tickets (1 or more); defaults to 50.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Tickets to skip, for paging; defaults to 0.</summary>
    public int Offset { get; init; }
}
