using CitizenBot.Escalation.Org;

namespace CitizenBot.Bot.Auth;

/// <summary>The signed-in person: <c>GET /api/auth/me</c>.</summary>
/// <param name="Id">Person id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">gridWorker, community, street, district or admin.</param>
/// <param name="NodeId">The unit the person belongs to; they see the tickets of its subtree.</param>
/// <param name="NodeName">The unit's Chinese name.</param>
/// <param name="Level">The unit's level.</param>
/// <param name="MustChangePassword">True while the seed password is in use.</param>
internal sealed record MeResponse(string Id, string Name, OrgRole Role, string NodeId, string NodeName, OrgLevel Level, bool MustChangePassword)
{
    public static MeResponse From(StaffUser user, OrgTree tree, bool mustChangePassword) =>
        new(user.PersonId, user.Name, user.Role, user.NodeId, tree.FindNode(user.NodeId)?.Name ?? user.NodeId, user.Level, mustChangePassword);
}
