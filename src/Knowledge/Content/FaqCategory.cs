namespace CitizenBot.Knowledge.Content;

/// <summary>One FAQ category: the slug used in entry files and folders, and its Chinese name.</summary>
public sealed record FaqCategory
{
    public required string Id { get; init; }

    public required string Name { get; init; }
}
