using CitizenBot.Bot.Auth;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Tickets;

/// <summary>
/// Who may see and work which tickets. A person sees every ticket located in their unit's subtree (a grid its own,
/// a street all its grids', the district all), which includes tickets that have since moved above them: the old
/// holders keep visibility. They may work a ticket only while its holder lies within their unit, so a grid worker
/// reads an escalated ticket but the community now acts on it. Admins read everything and work nothing.
/// </summary>
internal static class TicketAccess
{
    public static bool CanSee(StaffUser user, Ticket ticket, OrgTree tree) => CanSeeGrid(user, ticket.Location.GridNodeId, tree);

    /// <summary>Whether <paramref name="user"/> sees the tickets of <paramref name="gridNodeId"/>; false for none.</summary>
    public static bool CanSeeGrid(StaffUser user, string? gridNodeId, OrgTree tree) =>
        gridNodeId is not null && tree.IsWithin(gridNodeId, user.NodeId);

    public static bool CanWork(StaffUser user, Ticket ticket, OrgTree tree) =>
        user.CanWorkTickets && ticket.HolderNodeId is { } holder && tree.IsWithin(holder, user.NodeId);

    /// <summary>The grids whose tickets <paramref name="user"/> sees; null for the district, which sees all.</summary>
    public static IReadOnlyCollection<string>? VisibleGrids(StaffUser user, OrgTree tree) =>
        user.Level == OrgLevel.District ? null : tree.GridsWithin(user.NodeId);
}
