using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// A resident's complaint and everything done about it; the one class that owns every ticket transition. Each
/// accepted command appends to <see cref="Events"/> and increments <see cref="Version"/> once. A command the current
/// state does not allow throws <see cref="TicketTransitionException"/> and changes nothing; malformed arguments (a blank
/// actor, a time earlier than the last event) throw <see cref="ArgumentException"/>. Not thread-safe.
/// </summary>
internal sealed partial class Ticket
{
    private readonly TicketHistory _history = new();
    private readonly TicketCustody _custody = new();

    private Ticket(TicketNumber number, string categoryItemId, UrgencyGrade urgency, string description, TicketLocation location, Reporter reporter, IReadOnlyList<string> attachments, DateTimeOffset submittedAt)
    {
        Number = number;
        CategoryItemId = categoryItemId;
        Urgency = urgency;
        Description = description;
        Location = location;
        Reporter = reporter;
        Attachments = attachments;
        SubmittedAt = submittedAt;
        LastTransitionAt = submittedAt;
    }

    public TicketNumber Number { get; }

    public TicketStatus Status { get; private set; }

    /// <summary>The level of the holding unit; null until assigned.</summary>
    public OrgLevel? Level => _custody.Level;

    /// <summary>The org node that holds the ticket now; null until assigned.</summary>
    public string? HolderNodeId => _custody.HolderNodeId;

    /// <summary>Every node that has held the ticket; earlier holders keep seeing it after it moves up.</summary>
    public IReadOnlySet<string> VisibleToNodeIds => _custody.VisibleToNodeIds;

    public string CategoryItemId { get; }

    public UrgencyGrade Urgency { get; }

    public string Description { get; }

    public TicketLocation Location { get; private set; }

    public Reporter Reporter { get; }

    /// <summary>Ids of the resident's photos and files, in the order given.</summary>
    public IReadOnlyList<string> Attachments { get; }

    /// <summary>True once the district has taken the ticket under supervision (督办); never cleared.</summary>
    public bool Supervised => _custody.Supervised;

    /// <summary>The append-only history, oldest first.</summary>
    public IReadOnlyList<TicketEvent> Events => _history.Events;

    public DateTimeOffset SubmittedAt { get; }

    /// <summary>When it was last resolved; cleared when a 不满意 rating reopens it.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When <see cref="Status"/> or <see cref="Level"/> last changed (UTC); SLA code computes deadlines from it.</summary>
    public DateTimeOffset LastTransitionAt { get; private set; }

    /// <summary>
    /// When the ticket reached its current holder: its last assignment, escalation or second whistle (UTC); the
    /// submission time until assigned. Both of a level's clocks run from here.
    /// </summary>
    public DateTimeOffset HeldSince => ArrivalIndex is var i and >= 0 ? Events[i].At : SubmittedAt;

    /// <summary>The index in <see cref="Events"/> of the arrival at the current holder; -1 until assigned.</summary>
    internal int ArrivalIndex
    {
        get
        {
            for (var i = Events.Count - 1; i >= 0; i--)
            {
                if (IsArrival(Events[i].Type))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>1 after submission, then +1 per accepted command; for optimistic concurrency when stored.</summary>
    public int Version => _history.Version;

    /// <summary>The events that hand the ticket to a (new) holder.</summary>
    public static bool IsArrival(TicketEventType type) =>
        type is TicketEventType.Assigned or TicketEventType.Escalated or TicketEventType.SecondWhistle;

    private bool IsOpen => Status is TicketStatus.Assigned or TicketStatus.Accepted or TicketStatus.InProgress;

    /// <summary>Files a new ticket in <see cref="TicketStatus.Submitted"/>; <paramref name="at"/> is stored as UTC.</summary>
    public static Ticket Submit(TicketNumber number, string categoryItemId, UrgencyGrade urgency, string description, TicketLocation location, Reporter reporter, IReadOnlyList<string> attachments, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryItemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(attachments);
        if (!Enum.IsDefined(urgency))
        {
            throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Unknown urgency grade.");
        }

        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(reporter);
        var ticket = new Ticket(number, categoryItemId, urgency, description, location, reporter, [.. attachments], at.ToUniversalTime());
        ticket._history.Add(TicketEventType.Submitted, ticket._history.BeginChange(at), TicketActors.Resident);
        return ticket;
    }

    private void Advance(TicketCommand command, TicketStatus from, TicketStatus to, TicketEventType type, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Require(command, Status == from);
        var utc = _history.BeginChange(at);
        _history.Add(type, utc, actor);
        MoveTo(to, utc);
    }

    private void Remark(TicketCommand command, bool allowed, TicketEventType type, string actor, string text, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Require(command, allowed);
        _history.Add(type, _history.BeginChange(at), actor, text);
    }

    private void RecordTrail(TicketCommand command, TicketEventType type, DateTimeOffset at)
    {
        Require(command, IsOpen);
        _history.Add(type, _history.BeginChange(at), TicketActors.System, null, Level, null, ("node", _custody.CurrentHolder));
    }

    private void Require(TicketCommand command, bool allowed)
    {
        if (!allowed)
        {
            throw TicketTransitionException.NotAllowed(command, Status);
        }
    }

    private void MoveTo(TicketStatus status, DateTimeOffset utc)
    {
        Status = status;
        LastTransitionAt = utc;
    }

    private void Close(DateTimeOffset utc)
    {
        ClosedAt = utc;
        MoveTo(TicketStatus.Closed, utc);
    }
}
