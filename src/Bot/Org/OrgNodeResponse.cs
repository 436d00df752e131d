using CitizenBot.Escalation.Org;

namespace CitizenBot.Bot.Org;

/// <summary>
/// One unit of the grid in <c>GET /api/org</c>, with the units below it; no people, no phones. <c>Level</c> is
/// serialized lower-case: <c>district</c>, <c>street</c>, <c>community</c> or <c>grid</c>.
/// </summary>
internal sealed record OrgNodeResponse(string Id, string Name, OrgLevel Level, IReadOnlyList<OrgNodeResponse> Children)
{
    /// <summary>The node <paramref name="node"/> and everything below it, children in file order.</summary>
    public static OrgNodeResponse From(OrgTree tree, OrgNode node) =>
        new(node.Id, node.Name, node.Level, [.. tree.Children(node.Id).Select(child => From(tree, child))]);
}
