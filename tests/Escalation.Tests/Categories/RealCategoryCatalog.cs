using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Tests.Infrastructure;

namespace CitizenBot.Escalation.Tests.Categories;

/// <summary>The real <c>knowledge-base/categories.yaml</c>, parsed once for the tests that read it.</summary>
internal static class RealCategoryCatalog
{
    private static readonly Lazy<CategoryCatalog> Catalog = new(() => CategoryCatalogLoader.Parse(
        File.ReadAllText(Path.Combine(RepositoryPaths.KnowledgeBase, CategoryCatalog.FileName)),
        CategoryCatalog.FileName));

    public static CategoryCatalog Instance => Catalog.Value;
}
