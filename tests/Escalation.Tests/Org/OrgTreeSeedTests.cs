using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tests.Infrastructure;

namespace CitizenBot.Escalation.Tests.Org;

public sealed class OrgTreeSeedTests
{
    private static readonly string SeedPath = Path.Combine(RepositoryPaths.KnowledgeBase, "org.yaml");

    [Fact]
    public async Task LoadAsync_BuildsHongqiao_WhenReadingTheSeed()
    {
        var tree = await OrgTreeLoader.LoadAsync(SeedPath, CancellationToken.None);

        Assert.Equal("红桥区", tree.District.Name);
        Assert.Single(tree.Nodes, n => n.Level == OrgLevel.District);
        var streets = tree.Children(tree.District.Id);
        Assert.Equal(9, streets.Count);
        Assert.All(streets, s => Assert.Equal(OrgLevel.Street, s.Level));
        Assert.Contains(streets, s => s.Name == "咸阳北路街道");
        Assert.All(streets, s => Assert.NotEmpty(s.Departments));
        Assert.All(streets, s => Assert.InRange(tree.Children(s.Id).Count, 2, 3));
        Assert.All(tree.Nodes.Where(n => n.Level == OrgLevel.Community), c => Assert.InRange(tree.Children(c.Id).Count, 2, 4));
    }

    [Fact]
    public async Task LoadAsync_GivesEveryGridOneWorkerAndChatGroup_WhenReadingTheSeed()
    {
        var tree = await OrgTreeLoader.LoadAsync(SeedPath, CancellationToken.None);

        var grids = tree.Nodes.Where(n => n.Level == OrgLevel.Grid).ToList();
        Assert.NotEmpty(grids);
        foreach (var grid in grids)
        {
            var worker = Assert.Single(tree.PeopleAt(grid.Id), p => p.Role == OrgRole.GridWorker);
            Assert.Same(worker, tree.FindPersonBySender(worker.SenderId!));
            Assert.NotEmpty(grid.ChatGroupIds);
            Assert.All(grid.ChatGroupIds, group => Assert.Same(grid, tree.FindGridByChatGroup(group)));
        }
    }

    [Fact]
    public async Task LoadAsync_HasDistrictSeatAndAdmin_WhenReadingTheSeed()
    {
        var tree = await OrgTreeLoader.LoadAsync(SeedPath, CancellationToken.None);

        Assert.Equal(OrgRole.District, tree.FindPerson("district")?.Role);
        Assert.Equal(tree.District.Id, tree.FindPerson("district")?.NodeId);
        Assert.Equal(OrgRole.Admin, tree.FindPerson("admin")?.Role);
    }
}
