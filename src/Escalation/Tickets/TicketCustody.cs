using System.Collections.ObjectModel;
using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// Who holds a ticket: the level and node holding it now, the chain of units above its grid, every node that has
/// held it (they keep visibility after it moves up) and whether the district supervises it. Changed only by
/// <see cref="Ticket"/>, which decides when a move is allowed.
/// </summary>
internal sealed class TicketCustody
{
    private readonly HashSet<string> _visibleTo = new(StringComparer.Ordinal);
    private HolderChain? _chain;

    public TicketCustody() => VisibleToNodeIds = new ReadOnlySet<string>(_visibleTo);

    /// <summary>The level of the holding unit; null until assigned.</summary>
    public OrgLevel? Level { get; private set; }

    /// <summary>The node holding the ticket now; null until assigned.</summary>
    public string? HolderNodeId { get; private set; }

    /// <summary>Every node that has held the ticket.</summary>
    public IReadOnlySet<string> VisibleToNodeIds { get; }

    /// <summary>True once the district supervises the ticket (督办); never cleared.</summary>
    public bool Supervised { get; private set; }

    /// <summary>The units above the grid, fixed on assignment; null until assigned.</summary>
    public HolderChain? Chain => _chain;

    /// <summary>Reloads stored custody into this empty one (only <see cref="Ticket.Restore"/> calls it).</summary>
    public void Restore(OrgLevel? level, string? holderNodeId, HolderChain? chain, IEnumerable<string> visibleToNodeIds, bool supervised)
    {
        if (HolderNodeId is not null || _visibleTo.Count > 0)
        {
            throw new InvalidOperationException("Only unassigned custody can be restored.");
        }

        (Level, HolderNodeId, _chain, Supervised) = (level, holderNodeId, chain, supervised);
        _visibleTo.UnionWith(visibleToNodeIds);
    }

    /// <summary>The level now; throws before assignment, which the ticket's state checks rule out.</summary>
    public OrgLevel CurrentLevel => Level ?? throw new InvalidOperationException("The ticket has not been assigned.");

    /// <summary>The holder now; throws before assignment.</summary>
    public string CurrentHolder => HolderNodeId ?? throw new InvalidOperationException("The ticket has not been assigned.");

    /// <summary>The level one step up, or null at the district.</summary>
    public OrgLevel? NextLevel => LevelLadder.Above(CurrentLevel);

    /// <summary>First custody: the grid, with the units above it for later escalation.</summary>
    public void AssignGrid(string gridNodeId, HolderChain chain)
    {
        _chain = chain;
        MoveTo(OrgLevel.Grid, gridNodeId);
    }

    /// <summary>The unit that holds the ticket if it reaches <paramref name="level"/> (above the grid).</summary>
    public string NodeAt(OrgLevel level) =>
        (_chain ?? throw new InvalidOperationException("The ticket has not been assigned.")).NodeAt(level);

    /// <summary>Hands the ticket to <paramref name="nodeId"/>; earlier holders stay in <see cref="VisibleToNodeIds"/>.</summary>
    public void MoveTo(OrgLevel level, string nodeId)
    {
        Level = level;
        HolderNodeId = nodeId;
        _visibleTo.Add(nodeId);
    }

    /// <summary>
    /// 二次哨 after a 不满意 rating: up one level, or, at the district, which has nothing above it, stay and be supervised.
    /// </summary>
    public void WhistleUp(TicketHistory history, DateTimeOffset utc)
    {
        var (from, fromNode) = (CurrentLevel, CurrentHolder);
        var to = NextLevel ?? from;
        var toNode = to == from ? fromNode : NodeAt(to);
        history.Add(TicketEventType.SecondWhistle, utc, TicketActors.System, null, from, to, ("from", fromNode), ("to", toNode));
        if (to == from && !Supervised)
        {
            Supervised = true;
            history.Add(TicketEventType.Supervised, utc, TicketActors.System, "二次哨已到区级，转为督办");
        }

        MoveTo(to, toNode);
    }

    /// <summary>Escalates exactly one level, to the unit the chain names; returns the change's UTC time.</summary>
    public DateTimeOffset Escalate(OrgLevel toLevel, string newHolderNodeId, string reason, TicketStatus status, TicketHistory history, DateTimeOffset at)
    {
        var next = NextLevel ?? throw TicketTransitionException.EscalateFromDistrict(status);
        if (toLevel != next)
        {
            throw TicketTransitionException.EscalateSkipsLevel(status, CurrentLevel, next, toLevel);
        }

        if (!string.Equals(NodeAt(next), newHolderNodeId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {next} above this ticket is '{NodeAt(next)}', not '{newHolderNodeId}'.", nameof(newHolderNodeId));
        }

        var utc = history.BeginChange(at);
        history.Add(TicketEventType.Escalated, utc, TicketActors.System, reason, CurrentLevel, next, ("from", CurrentHolder), ("to", newHolderNodeId));
        MoveTo(next, newHolderNodeId);
        return utc;
    }

    /// <summary>督办: only at the district, and only once.</summary>
    public void Supervise(string reason, TicketStatus status, TicketHistory history, DateTimeOffset at)
    {
        if (CurrentLevel != OrgLevel.District || Supervised)
        {
            throw TicketTransitionException.CannotSupervise(status, CurrentLevel, Supervised);
        }

        var utc = history.BeginChange(at);
        Supervised = true;
        history.Add(TicketEventType.Supervised, utc, TicketActors.System, reason);
    }
}
