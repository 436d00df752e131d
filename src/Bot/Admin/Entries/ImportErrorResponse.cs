namespace CitizenBot.Bot.Admin.Entries;

/// <summary>A refused import: every error with its file and line, as the CLI reports them; nothing was imported.</summary>
internal sealed record ImportErrorResponse(string Title, IReadOnlyList<ImportErrorLine> Errors);
