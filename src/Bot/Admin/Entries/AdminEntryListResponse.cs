namespace CitizenBot.Bot.Admin.Entries;

/// <summary>A page of the entry list and how many entries match in all.</summary>
internal sealed record AdminEntryListResponse(int Total, IReadOnlyList<AdminEntrySummary> Items);
