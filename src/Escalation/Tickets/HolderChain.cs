using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// The units above a ticket's grid that take it over, one level at a time, when it escalates or is whistled up
/// again (二次哨). Fixed when the ticket is assigned, so the ticket can climb without consulting the org tree.
/// </summary>
internal sealed record HolderChain(string CommunityNodeId, string StreetNodeId, string DistrictNodeId)
{
    /// <summary>The chain above <paramref name="gridNodeId"/> in <paramref name="tree"/>; throws when the id is not a grid.</summary>
    public static HolderChain Above(OrgTree tree, string gridNodeId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.LevelOf(gridNodeId) != OrgLevel.Grid)
        {
            throw new ArgumentException($"'{gridNodeId}' is not a grid.", nameof(gridNodeId));
        }

        var ancestors = tree.Ancestors(gridNodeId);
        return new HolderChain(ancestors[0].Id, ancestors[1].Id, ancestors[2].Id);
    }

    /// <summary>The holding unit at <paramref name="level"/>; the grid is not part of the chain.</summary>
    public string NodeAt(OrgLevel level) => level switch
    {
        OrgLevel.Community => CommunityNodeId,
        OrgLevel.Street => StreetNodeId,
        OrgLevel.District => DistrictNodeId,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "The chain holds only the units above the grid."),
    };
}
