using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// A ticket's append-only history and version counter. Times are stored as UTC and never go backwards, so the
/// history is ordered by <see cref="TicketEvent.At"/>; events of one command share its time and keep their order.
/// </summary>
internal sealed class TicketHistory
{
    private readonly List<TicketEvent> _events = [];

    public TicketHistory() => Events = _events.AsReadOnly();

    /// <summary>Every event, oldest first.</summary>
    public IReadOnlyList<TicketEvent> Events { get; }

    /// <summary>The number of changes so far, counting submission; one per accepted command.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Starts one change at <paramref name="at"/> and returns it as UTC; throws when it is earlier than the last event.
    /// Call only after every check of the command has passed, so a refused command leaves the version unchanged.
    /// </summary>
    public DateTimeOffset BeginChange(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        if (_events.Count > 0 && utc < _events[^1].At)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"The last event is at {_events[^1].At:O}; history is append-only.");
        }

        Version++;
        return utc;
    }

    /// <summary>Reloads a stored history into this empty one (only <see cref="Ticket.Restore"/> calls it).</summary>
    public void Restore(IReadOnlyList<TicketEvent> events, int version)
    {
        if (_events.Count > 0 || Version > 0)
        {
            throw new InvalidOperationException("Only an empty history can be restored.");
        }

        _events.AddRange(events);
        Version = version;
    }

    /// <summary>Appends one event of the change begun by <see cref="BeginChange"/>.</summary>
    public void Add(TicketEventType type, DateTimeOffset utc, string actor, string? note = null, OrgLevel? fromLevel = null, OrgLevel? toLevel = null, params (string Key, string Value)[] data)
    {
        var details = data.Length == 0 ? null : data.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        _events.Add(new TicketEvent(type, utc, actor, note, fromLevel, toLevel, details));
    }
}
