using CitizenBot.Escalation.Categories;

namespace CitizenBot.Escalation.Tickets.Desk;

/// <summary>A resident's complaint as the bot has gathered it, ready for <see cref="TicketDesk.SubmitAsync"/>.</summary>
/// <param name="CategoryItemId">The category item the complaint falls under.</param>
/// <param name="Urgency">The grade of that item; it selects the SLA row.</param>
/// <param name="Description">The complaint text. Personal data: never log it.</param>
/// <param name="Location">Where; <see cref="TicketLocation.GridNodeId"/> is required, since the ticket goes to that grid at once.</param>
/// <param name="Reporter">The resident who filed it.</param>
/// <param name="Attachments">Ids of the resident's photos and files, in the order given.</param>
internal sealed record NewTicket(
    string CategoryItemId,
    UrgencyGrade Urgency,
    string Description,
    TicketLocation Location,
    Reporter Reporter,
    IReadOnlyList<string> Attachments);
