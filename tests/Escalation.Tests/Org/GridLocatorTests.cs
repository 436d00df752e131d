using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tests.Infrastructure;

namespace CitizenBot.Escalation.Tests.Org;

/// <summary>Placing address-only tickets in a grid using the names of the seed org tree.</summary>
public sealed class GridLocatorTests
{
    [Theory]
    [InlineData("子牙社区第2网格 5号楼3单元", "g-xyz-01-02")]
    [InlineData("红桥区子牙社区第1网格", "g-xyz-01-01")]
    public async Task Locate_FindsTheGrid_WhenTheAddressNamesIt(string address, string grid)
    {
        var locator = new GridLocator(await SeedContent.OrgAsync());

        Assert.Equal(grid, locator.Locate(address)?.Id);
    }

    [Fact]
    public async Task Locate_UsesTheCommunitysFirstGrid_WhenOnlyTheCommunityIsNamed()
    {
        var tree = await SeedContent.OrgAsync();
        var locator = new GridLocator(tree);

        var grid = locator.Locate("子牙社区 12号楼");

        Assert.NotNull(grid);
        Assert.Equal("c-xyz-01", grid.ParentId);
        Assert.Equal(tree.Children("c-xyz-01")[0].Id, grid.Id);
    }

    [Fact]
    public async Task Locate_PrefersTheLongerName_WhenOneCommunityNameContainsAnother()
    {
        var tree = await SeedContent.OrgAsync();

        var grid = new GridLocator(tree).Locate("河北大街社区8号楼");

        Assert.Equal("河北大街社区", tree.Parent(grid!.Id)!.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("某某路12号")]
    [InlineData("子牙社区和西于庄社区交界处")]
    public async Task Locate_GuessesNothing_WhenTheAddressNamesNoUnitOrSeveral(string address)
    {
        Assert.Null(new GridLocator(await SeedContent.OrgAsync()).Locate(address));
    }
}
