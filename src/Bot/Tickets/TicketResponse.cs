using System.Text.Json.Serialization;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Tickets;

/// <summary>
/// A ticket as the API shows it: structured fields only (an Open311-style reader needs no prose), the reporter's
/// phone masked. <c>Events</c> is present on <c>GET /api/tickets/{number}</c> and the actions, absent in lists.
/// </summary>
/// <param name="Number">Readable over the phone, e.g. <c>HQ-20261121-0007</c>.</param>
/// <param name="Status">submitted, assigned, accepted, inProgress, resolved or closed.</param>
/// <param name="Level">The holding level: grid, community, street or district.</param>
/// <param name="Supervised">True once the district took it under supervision (督办).</param>
/// <param name="Deadline">The limit the holder works against now (UTC): accept-by, resolve-by, or auto-close.</param>
/// <param name="DeadlineKind">What <paramref name="Deadline"/> is.</param>
/// <param name="Overdue">True when <paramref name="Deadline"/> has passed.</param>
/// <param name="Category">The category item and its group.</param>
/// <param name="Urgency">red, yellow or blue; selects the time limits.</param>
/// <param name="Description">The complaint in the resident's words.</param>
/// <param name="Location">Grid and address.</param>
/// <param name="Reporter">The resident, phone masked.</param>
/// <param name="Attachments">Photo and file links.</param>
/// <param name="Holder">The unit holding it now; null until assigned.</param>
/// <param name="SubmittedAt">When it was filed (UTC).</param>
/// <param name="HeldSince">When the ticket reached its current holder; queues sort on it so new escalations come first.</param>
/// <param name="LastChangedAt">When its status or level last changed.</param>
/// <param name="ResolvedAt">When it was last resolved; null if not resolved.</param>
/// <param name="ClosedAt">When it was closed; null if open.</param>
/// <param name="Version">Increases with every change.</param>
/// <param name="Events">The history, oldest first; only on single-ticket answers.</param>
internal sealed record TicketResponse(
    string Number,
    TicketStatus Status,
    OrgLevel? Level,
    bool Supervised,
    DateTimeOffset? Deadline,
    TicketDeadlinePhase? DeadlineKind,
    bool Overdue,
    TicketCategoryResponse Category,
    UrgencyGrade Urgency,
    string Description,
    TicketLocationResponse Location,
    TicketReporterResponse Reporter,
    IReadOnlyList<string> Attachments,
    TicketHolderResponse? Holder,
    DateTimeOffset SubmittedAt,
    DateTimeOffset HeldSince,
    DateTimeOffset LastChangedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TicketEventResponse>? Events);
