using CitizenBot.Knowledge.Content;

namespace CitizenBot.Bot.Admin.Entries;

/// <summary>An entry with its place in the version history: the revision, when it was made and by whom.</summary>
internal sealed record AdminEntryResponse(
    string Id,
    string Title,
    IReadOnlyList<string> Questions,
    string Answer,
    string Category,
    IReadOnlyList<string> Tags,
    string? Department,
    string? Source,
    DateOnly? Updated,
    EntryStatus Status,
    int Revision,
    DateTimeOffset ChangedAt,
    string ChangedBy);
