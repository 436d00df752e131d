namespace CitizenBot.Knowledge.Curation;

/// <summary>
/// An entry as an admin sends it: the bulk format's fields, unvalidated. <c>updated</c> is not among them: the
/// curator sets it when the content changes.
/// </summary>
/// <remarks>
/// <c>Id</c>: on create, null asks for a generated <c>&lt;category&gt;-&lt;n&gt;</c>; on update, null or the entry's
/// own id. <c>Status</c>: <c>published</c>, <c>draft</c> or <c>retired</c>; null keeps the current status on update
/// and means <c>draft</c> on create.
/// </remarks>
public sealed record EntryInput(
    string? Id,
    string? Title,
    IReadOnlyList<string>? Questions,
    string? Answer,
    string? Category,
    IReadOnlyList<string>? Tags,
    string? Department,
    string? Source,
    string? Status = null);
