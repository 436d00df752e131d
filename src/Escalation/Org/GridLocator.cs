namespace CitizenBot.Escalation.Org;

/// <summary>
/// Finds the base grid a free-text address belongs to, for tickets that arrive with an address but no grid (the
/// hotline, a web form). It only trusts names that appear in org.yaml: a grid's full name wins; otherwise a
/// community's full name places the ticket in that community's duty grid, its first grid in org.yaml, whose worker
/// passes it on if the building is elsewhere in the community. Anything vaguer is not guessed.
/// </summary>
internal sealed class GridLocator(OrgTree tree)
{
    // Longest names first, so 河北大街社区 is tried before 北大街社区, which it contains.
    private readonly OrgNode[] _grids = [.. tree.Nodes.Where(n => n.Level == OrgLevel.Grid).OrderByDescending(n => n.Name.Length)];
    private readonly OrgNode[] _communities = [.. tree.Nodes.Where(n => n.Level == OrgLevel.Community).OrderByDescending(n => n.Name.Length)];

    /// <summary>The grid <paramref name="address"/> names or lies in, or null when it names none or several.</summary>
    public OrgNode? Locate(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Single(_grids, address) is { } grid)
        {
            return grid;
        }

        return Single(_communities, address) is { } community
            ? tree.Children(community.Id).FirstOrDefault(n => n.Level == OrgLevel.Grid)
            : null;
    }

    /// <summary>The one node whose name occurs in the text, not counting names inside a longer matched name.</summary>
    private static OrgNode? Single(OrgNode[] nodesLongestFirst, string text)
    {
        OrgNode? found = null;
        var remaining = text;
        foreach (var node in nodesLongestFirst)
        {
            if (!remaining.Contains(node.Name, StringComparison.Ordinal))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = node;
            remaining = remaining.Replace(node.Name, "\u0000", StringComparison.Ordinal);
        }

        return found;
    }
}
