using CitizenBot.Knowledge.Content;

namespace CitizenBot.Bot.Admin.Entries;

/// <summary>One line of the entry list.</summary>
internal sealed record AdminEntrySummary(
    string Id,
    string Title,
    string Category,
    EntryStatus Status,
    DateOnly? Updated,
    int Revision,
    DateTimeOffset ChangedAt,
    string ChangedBy);
