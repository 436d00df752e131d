using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tests.Infrastructure;

namespace CitizenBot.Escalation.Tests;

/// <summary>The seed files refer to each other: every category's department must be one a street can dispatch to.</summary>
public sealed class ContentConsistencyTests
{
    [Fact]
    public async Task Categories_NameOnlyDepartmentsOfTheOrgTree_WhenBothSeedFilesLoad()
    {
        var org = await SeedContent.OrgAsync();
        var categories = await CategoryCatalogLoader.LoadAsync(Path.Combine(RepositoryPaths.KnowledgeBase, "categories.yaml"), CancellationToken.None);

        var dispatchable = org.Nodes
            .Where(n => n.Level == OrgLevel.Street)
            .SelectMany(n => n.Departments)
            .Select(d => d.Id)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(categories.Items, item => Assert.Contains(item.DepartmentId, dispatchable));
    }
}
