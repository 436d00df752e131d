namespace CitizenBot.Bot.Admin.Entries;

/// <summary>The entry list's filters, from the query string.</summary>
internal sealed record AdminEntryListQuery(string? Q, string? Status, string? Category, int? Page, int? PageSize);
