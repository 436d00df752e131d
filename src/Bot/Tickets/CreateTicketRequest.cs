using System.Text.Json;

namespace CitizenBot.Bot.Tickets;

/// <summary>The body of <c>POST /api/tickets</c>: a resident's complaint as a channel or a form gathered it.</summary>
/// <param name="Category">A category item id from <c>GET /api/categories</c>, e.g. <c>drainage.blocked-sewer</c>.</param>
/// <param name="Description">What is wrong, in the resident's words (at most 2,000 characters).</param>
/// <param name="GridId">The base grid, when known (e.g. from the resident's chat group).</param>
/// <param name="Address">Building, unit and room, free text; locates the grid when <paramref name="GridId"/> is absent.</param>
/// <param name="Urgency">1–3, <c>red</c>/<c>yellow</c>/<c>blue</c> or 红/黄/蓝; defaults to the category item's grade.</param>
/// <param name="Reporter">Who filed it.</param>
/// <param name="Attachments">Photo or file links (http/https), at most 10.</param>
internal sealed record CreateTicketRequest(
    string? Category,
    string? Description,
    string? GridId,
    string? Address,
    JsonElement? Urgency,
    ReporterRequest? Reporter,
    IReadOnlyList<string>? Attachments);
