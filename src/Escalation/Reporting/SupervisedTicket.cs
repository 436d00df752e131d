using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Reporting;

/// <summary>An open ticket under the district's supervision (督办), as the dashboard lists it.</summary>
/// <param name="Number">The ticket number.</param>
/// <param name="CategoryItemId">The category item the ticket was filed under.</param>
/// <param name="Level">The level holding it now (normally the district).</param>
/// <param name="HolderNodeId">The node holding it now.</param>
/// <param name="GridNodeId">The grid it was filed in.</param>
/// <param name="SubmittedAt">When the resident filed it (UTC).</param>
/// <param name="SupervisedSince">When the district took it under supervision (UTC).</param>
internal sealed record SupervisedTicket(
    TicketNumber Number,
    string CategoryItemId,
    OrgLevel? Level,
    string? HolderNodeId,
    string? GridNodeId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset SupervisedSince);
