using CitizenBot.Knowledge.Content;

namespace CitizenBot.Bot.Knowledge;

/// <summary>An entry as the API shows it.</summary>
internal sealed record EntryResponse(
    string Id,
    string Title,
    IReadOnlyList<string> Questions,
    string Answer,
    string Category,
    IReadOnlyList<string> Tags,
    string? Department,
    string? Source,
    DateOnly? Updated,
    EntryStatus Status)
{
    public static EntryResponse From(KnowledgeEntry e) =>
        new(e.Id, e.Title, e.Questions, e.Answer, e.Category, e.Tags, e.Department, e.Source, e.Updated, e.Status);
}
