using CitizenBot.Bot.Tests.Infrastructure;
using CitizenBot.Escalation.Categories;

namespace CitizenBot.Bot.Tests.Dialogue.Understanding;

/// <summary>The repository's categories.yaml, so the readers are tested against the keywords residents really meet.</summary>
internal static class RealCategories
{
    private static readonly Lazy<CategoryGuesser> LazyGuesser = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.KnowledgeBase, CategoryCatalog.FileName);
        return new CategoryGuesser(CategoryCatalogLoader.Parse(File.ReadAllText(path), CategoryCatalog.FileName));
    });

    public static CategoryGuesser Guesser => LazyGuesser.Value;
}
