using System.Collections.Frozen;

namespace CitizenBot.Escalation.Org;

/// <summary>
/// The district's four-level grid and the people on duty, built once from org.yaml and never changed.
/// Lookups by an unknown id return null; navigation from an unknown node id throws.
/// </summary>
internal sealed class OrgTree
{
    private readonly FrozenDictionary<string, OrgNode> _nodes;
    private readonly FrozenDictionary<string, OrgPerson> _people;
    private readonly FrozenDictionary<string, OrgPerson> _peopleBySender;
    private readonly FrozenDictionary<string, OrgNode> _gridByChatGroup;
    private readonly FrozenDictionary<string, IReadOnlyList<OrgNode>> _children;
    private readonly FrozenDictionary<string, IReadOnlyList<OrgPerson>> _peopleByNode;

    /// <summary>Builds the tree; the loader has already checked that it is well formed.</summary>
    public OrgTree(IReadOnlyList<OrgNode> nodes, IReadOnlyList<OrgPerson> people)
    {
        Nodes = nodes;
        People = people;
        District = nodes.Single(n => n.Level == OrgLevel.District);
        _nodes = nodes.ToFrozenDictionary(n => n.Id, StringComparer.Ordinal);
        _people = people.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _peopleBySender = people
            .Where(p => p.SenderId is not null)
            .ToFrozenDictionary(p => p.SenderId!, StringComparer.Ordinal);
        _gridByChatGroup = nodes
            .SelectMany(n => n.ChatGroupIds, (node, group) => (node, group))
            .ToFrozenDictionary(x => x.group, x => x.node, StringComparer.Ordinal);
        _children = nodes
            .Where(n => n.ParentId is not null)
            .GroupBy(n => n.ParentId!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<OrgNode>)[.. g], StringComparer.Ordinal);
        // Every ticket shown and every notice sent asks who is on duty at a node; answer from an index, not a scan.
        _peopleByNode = people
            .GroupBy(p => p.NodeId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<OrgPerson>)[.. g], StringComparer.Ordinal);
    }

    /// <summary>The single root.</summary>
    public OrgNode District { get; }

    /// <summary>Every node, in file order.</summary>
    public IReadOnlyList<OrgNode> Nodes { get; }

    /// <summary>Every person on duty, in file order.</summary>
    public IReadOnlyList<OrgPerson> People { get; }

    /// <summary>The node with this id, or null.</summary>
    public OrgNode? FindNode(string nodeId) => _nodes.GetValueOrDefault(nodeId);

    /// <summary>The person with this id, or null.</summary>
    public OrgPerson? FindPerson(string personId) => _people.GetValueOrDefault(personId);

    /// <summary>The person whose chat sender id this is (a grid worker speaking in a group), or null.</summary>
    public OrgPerson? FindPersonBySender(string senderId) => _peopleBySender.GetValueOrDefault(senderId);

    /// <summary>The grid a residents' chat group is mapped to, or null for an unmapped group.</summary>
    public OrgNode? FindGridByChatGroup(string chatGroupId) => _gridByChatGroup.GetValueOrDefault(chatGroupId);

    /// <summary>The level of a node.</summary>
    public OrgLevel LevelOf(string nodeId) => Get(nodeId).Level;

    /// <summary>The parent of a node; null for the district.</summary>
    public OrgNode? Parent(string nodeId) => Get(nodeId).ParentId is { } parentId ? _nodes[parentId] : null;

    /// <summary>The ancestors of a node, nearest first, ending with the district; empty for the district itself.</summary>
    public IReadOnlyList<OrgNode> Ancestors(string nodeId)
    {
        var ancestors = new List<OrgNode>();
        for (var parent = Parent(nodeId); parent is not null; parent = Parent(parent.Id))
        {
            ancestors.Add(parent);
        }

        return ancestors;
    }

    /// <summary>The direct children of a node, in file order.</summary>
    public IReadOnlyList<OrgNode> Children(string nodeId) =>
        _children.TryGetValue(Get(nodeId).Id, out var children) ? children : [];

    /// <summary>Every node below this one (not itself), parents before their children.</summary>
    public IReadOnlyList<OrgNode> Descendants(string nodeId)
    {
        var result = new List<OrgNode>();
        var pending = new Stack<OrgNode>(Children(nodeId).Reverse());
        while (pending.TryPop(out var node))
        {
            result.Add(node);
            foreach (var child in Children(node.Id).Reverse())
            {
                pending.Push(child);
            }
        }

        return result;
    }

    /// <summary>
    /// The ids of the grids at or below a node, in file order: a grid's is itself, the district's every grid. Tickets
    /// belong to grids, so this is the set a unit's staff see and its reports count.
    /// </summary>
    public IReadOnlyList<string> GridsWithin(string nodeId)
    {
        var node = Get(nodeId);
        return node.Level == OrgLevel.Grid
            ? [node.Id]
            : [.. Descendants(node.Id).Where(n => n.Level == OrgLevel.Grid).Select(n => n.Id)];
    }

    /// <summary>
    /// True when <paramref name="nodeId"/> is <paramref name="ancestorId"/> or lies below it: staff of a unit may act on
    /// everything within it. False when either id is unknown, so an access check never passes by accident.
    /// </summary>
    public bool IsWithin(string nodeId, string ancestorId)
    {
        if (!_nodes.ContainsKey(ancestorId))
        {
            return false;
        }

        for (var node = FindNode(nodeId); node is not null; node = node.ParentId is { } p ? _nodes[p] : null)
        {
            if (string.Equals(node.Id, ancestorId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The people attached to a node, in file order.</summary>
    public IReadOnlyList<OrgPerson> PeopleAt(string nodeId) =>
        _peopleByNode.TryGetValue(Get(nodeId).Id, out var people) ? people : [];

    /// <summary>The one grid worker of a grid.</summary>
    public OrgPerson GridWorkerOf(string gridId) => PeopleAt(gridId).Single(p => p.Role == OrgRole.GridWorker);

    private OrgNode Get(string nodeId) =>
        _nodes.TryGetValue(nodeId, out var node) ? node : throw new KeyNotFoundException($"No org node '{nodeId}'.");
}
