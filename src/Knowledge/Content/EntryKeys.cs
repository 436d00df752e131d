namespace CitizenBot.Knowledge.Content;

/// <summary>Field names shared by the Markdown front matter and the JSON Lines format.</summary>
internal static class EntryKeys
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Questions = "questions";
    public const string Answer = "answer";
    public const string Category = "category";
    public const string Tags = "tags";
    public const string Department = "department";
    public const string Source = "source";
    public const string Updated = "updated";
    public const string Status = "status";
}
