using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

// The commands of Ticket, split from its state (Ticket.cs) only to keep each file short, as garnet splits its sessions.
internal sealed partial class Ticket
{
    // How each state reacts to each command ("-" = throws TicketTransitionException, "same" = status unchanged):
    //
    // | Command                   | Submitted | Assigned | Accepted   | InProgress | Resolved  | Closed |
    // |---------------------------|-----------|----------|------------|------------|-----------|--------|
    // | AssignToGrid              | Assigned  | -        | -          | -          | -         | -      |
    // | Accept                    | -         | Accepted | -          | -          | -         | -      |
    // | Start                     | -         | -        | InProgress | -          | -         | -      |
    // | AddNote                   | same      | same     | same       | same       | same      | -      |
    // | RecordReply               | -         | same     | same       | same       | same      | -      |
    // | DispatchToDepartment (1)  | -         | -        | InProgress | InProgress | -         | -      |
    // | Resolve (2)               | -         | -        | Resolved   | Resolved   | -         | -      |
    // | Rate 满意/基本满意         | -         | -        | -          | -          | Closed    | -      |
    // | Rate 不满意 (3)            | -         | -        | -          | -          | Assigned  | -      |
    // | Reopen (6)                | -         | -        | -          | -          | InProgress| -      |
    // | AutoClose                 | -         | -        | -          | -          | Closed    | -      |
    // | Escalate (4)              | -         | Assigned | Assigned   | Assigned   | -         | -      |
    // | FlagSupervised (5)        | -         | same     | same       | same       | -         | -      |
    // | RecordWarning/Urge/Report | -         | same     | same       | same       | -         | -      |
    //
    // (1) only while held at Street or District level. (2) a non-blank note is required.
    // (3) reopens and whistles up one level (二次哨); at District it stays there and is flagged supervised.
    // (4) exactly one level up, to the unit in the HolderChain; not from District (督办 instead).
    // (5) only at District level, and only once.
    // (6) by staff, with a required note; the holder and the level stay, and so do the deadlines of that level.

    /// <summary>Hands a submitted ticket to the grid of its location; <paramref name="holders"/> are the units above it.</summary>
    public void AssignToGrid(string gridNodeId, HolderChain holders, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gridNodeId);
        ArgumentNullException.ThrowIfNull(holders);
        Require(TicketCommand.AssignToGrid, Status == TicketStatus.Submitted);
        if (Location.GridNodeId is { } located && !string.Equals(located, gridNodeId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Ticket {Number} is located in grid '{located}', not '{gridNodeId}'.", nameof(gridNodeId));
        }

        var utc = _history.BeginChange(at);
        Location = Location with { GridNodeId = gridNodeId };
        _history.Add(TicketEventType.Assigned, utc, TicketActors.System, null, null, OrgLevel.Grid, ("node", gridNodeId));
        _custody.AssignGrid(gridNodeId, holders);
        MoveTo(TicketStatus.Assigned, utc);
    }

    public void Accept(string actor, DateTimeOffset at) => Advance(TicketCommand.Accept, TicketStatus.Assigned, TicketStatus.Accepted, TicketEventType.Accepted, actor, at);

    public void Start(string actor, DateTimeOffset at) => Advance(TicketCommand.Start, TicketStatus.Accepted, TicketStatus.InProgress, TicketEventType.Started, actor, at);

    /// <summary>Adds an internal note for staff; allowed until the ticket is closed.</summary>
    public void AddNote(string actor, string note, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        Remark(TicketCommand.AddNote, Status != TicketStatus.Closed, TicketEventType.NoteAdded, actor, note, at);
    }

    /// <summary>Records a reply sent to the resident by the holder.</summary>
    public void RecordReply(string actor, string text, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Remark(TicketCommand.RecordReply, IsOpen || Status == TicketStatus.Resolved, TicketEventType.ReplySent, actor, text, at);
    }

    /// <summary>Dispatches the work to a functional department; only a street office or the district can.</summary>
    public void DispatchToDepartment(string actor, string departmentId, string? note, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        Require(TicketCommand.DispatchToDepartment, Status is TicketStatus.Accepted or TicketStatus.InProgress);
        if (_custody.CurrentLevel is not (OrgLevel.Street or OrgLevel.District))
        {
            throw TicketTransitionException.DispatchBelowStreet(Status, _custody.CurrentLevel);
        }

        var utc = _history.BeginChange(at);
        _history.Add(TicketEventType.Dispatched, utc, actor, note, null, null, ("department", departmentId));
        MoveTo(TicketStatus.InProgress, utc);
    }

    /// <summary>Reports the ticket handled; <paramref name="note"/> (what was done) is required.</summary>
    public void Resolve(string actor, string note, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Require(TicketCommand.Resolve, Status is TicketStatus.Accepted or TicketStatus.InProgress);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw TicketTransitionException.ResolveWithoutNote(Status);
        }

        var utc = _history.BeginChange(at);
        _history.Add(TicketEventType.Resolved, utc, actor, note);
        ResolvedAt = utc;
        MoveTo(TicketStatus.Resolved, utc);
    }

    /// <summary>The resident's rating: 满意/基本满意 close the ticket; 不满意 reopens it one level up (二次哨).</summary>
    public void Rate(Rating rating, DateTimeOffset at)
    {
        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown rating.");
        }

        Require(TicketCommand.Rate, Status == TicketStatus.Resolved);
        var utc = _history.BeginChange(at);
        _history.Add(TicketEventType.Rated, utc, TicketActors.Resident, null, null, null, ("rating", rating.ToString()));
        if (rating != Rating.Dissatisfied)
        {
            Close(utc);
            return;
        }

        _history.Add(TicketEventType.Reopened, utc, TicketActors.Resident);
        _custody.WhistleUp(_history, utc);
        ResolvedAt = null;
        MoveTo(TicketStatus.Assigned, utc);
    }

    /// <summary>
    /// Staff take a resolved ticket back into work (e.g. the resident phoned to say the leak is back); the reason is
    /// required. The holder and level stay. The resolve clock is not restarted: it still runs from the ticket's arrival
    /// at this level, because a resolution that did not hold never met the limit — if that deadline has passed, the
    /// sweeper escalates at once, as it would have without the premature resolution.
    /// </summary>
    public void Reopen(string actor, string note, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Require(TicketCommand.Reopen, Status == TicketStatus.Resolved);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw TicketTransitionException.ReopenWithoutNote(Status);
        }

        var utc = _history.BeginChange(at);
        _history.Add(TicketEventType.Reopened, utc, actor, note);
        ResolvedAt = null;
        MoveTo(TicketStatus.InProgress, utc);
    }

    /// <summary>Closes a resolved ticket the resident did not rate in time; the sweeper decides when.</summary>
    public void AutoClose(DateTimeOffset at)
    {
        Require(TicketCommand.AutoClose, Status == TicketStatus.Resolved);
        var utc = _history.BeginChange(at);
        _history.Add(TicketEventType.AutoClosed, utc, TicketActors.System);
        Close(utc);
    }

    /// <summary>Moves an open ticket exactly one level up, to the unit its <see cref="HolderChain"/> names.</summary>
    public void Escalate(OrgLevel toLevel, string newHolderNodeId, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newHolderNodeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Require(TicketCommand.Escalate, IsOpen);
        MoveTo(TicketStatus.Assigned, _custody.Escalate(toLevel, newHolderNodeId, reason, Status, _history, at));
    }

    /// <summary>Takes an open district-level ticket under supervision (督办).</summary>
    public void FlagSupervised(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Require(TicketCommand.FlagSupervised, IsOpen);
        _custody.Supervise(reason, Status, _history, at);
    }

    public void RecordWarning(DateTimeOffset at) => RecordTrail(TicketCommand.RecordWarning, TicketEventType.Warned, at);

    public void RecordUrge(DateTimeOffset at) => RecordTrail(TicketCommand.RecordUrge, TicketEventType.Urged, at);

    public void RecordReport(DateTimeOffset at) => RecordTrail(TicketCommand.RecordReport, TicketEventType.Reported, at);
}
