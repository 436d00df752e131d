namespace CitizenBot.Bot.Admin.Entries;

/// <summary>
/// An entry as an admin writes it: the bulk (JSON Lines) format's fields. <c>Status</c> defaults to draft, so an
/// entry goes live only when asked to; <c>Revision</c>, on an edit, is the revision the admin started from.
/// </summary>
internal sealed record AdminEntryRequest(
    string? Id,
    string? Title,
    IReadOnlyList<string?>? Questions,
    string? Answer,
    string? Category,
    IReadOnlyList<string?>? Tags,
    string? Department,
    string? Source,
    string? Status,
    int? Revision);
