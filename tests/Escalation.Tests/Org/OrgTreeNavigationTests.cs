using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tests.Org;

public sealed class OrgTreeNavigationTests
{
    private readonly OrgTree _tree = OrgTreeLoader.Parse(OrgYamlSamples.Valid, "org.yaml");

    [Fact]
    public void Ancestors_ReturnsCommunityStreetDistrict_WhenGivenAGrid()
    {
        var ancestors = _tree.Ancestors("g-a1").Select(n => n.Id);

        Assert.Equal(["c-a", "s-a", "hq"], ancestors);
    }

    [Fact]
    public void Ancestors_IsEmpty_WhenGivenTheDistrict() => Assert.Empty(_tree.Ancestors("hq"));

    [Fact]
    public void Ancestors_Throws_WhenNodeIsUnknown() => Assert.Throws<KeyNotFoundException>(() => _tree.Ancestors("nope"));

    [Fact]
    public void ParentAndLevelOf_DescribeTheNode_WhenGivenACommunity()
    {
        Assert.Equal("s-a", _tree.Parent("c-a")?.Id);
        Assert.Null(_tree.Parent("hq"));
        Assert.Equal(OrgLevel.Community, _tree.LevelOf("c-a"));
    }

    [Fact]
    public void Descendants_ListsEveryNodeBelow_WhenGivenAStreet()
    {
        Assert.Equal(["c-a", "g-a1", "g-a2"], _tree.Descendants("s-a").Select(n => n.Id));
        Assert.Equal(_tree.Nodes.Count - 1, _tree.Descendants("hq").Count);
    }

    [Theory]
    [InlineData("g-a1", "c-a")]
    [InlineData("g-a1", "s-a")]
    [InlineData("g-a1", "hq")]
    [InlineData("s-a", "s-a")]
    public void IsWithin_ReturnsTrue_WhenNodeIsTheAncestorOrBelowIt(string nodeId, string ancestorId) =>
        Assert.True(_tree.IsWithin(nodeId, ancestorId));

    [Theory]
    [InlineData("g-a1", "s-b")]
    [InlineData("s-a", "g-a1")]
    [InlineData("g-a1", "g-a2")]
    [InlineData("nope", "hq")]
    [InlineData("g-a1", "nope")]
    public void IsWithin_ReturnsFalse_WhenNodeIsOutsideOrUnknown(string nodeId, string ancestorId) =>
        Assert.False(_tree.IsWithin(nodeId, ancestorId));

    [Fact]
    public void FindPersonBySender_ReturnsTheGridWorker_WhenSenderIsKnown()
    {
        var worker = _tree.FindPersonBySender("wx-b1");

        Assert.Equal("w-b1", worker?.Id);
        Assert.Equal(OrgRole.GridWorker, worker?.Role);
        Assert.Null(_tree.FindPersonBySender("wx-stranger"));
    }

    [Fact]
    public void FindGridByChatGroup_ReturnsTheMappedGrid_WhenGroupIsKnown()
    {
        Assert.Equal("g-a2", _tree.FindGridByChatGroup("grp-a2")?.Id);
        Assert.Null(_tree.FindGridByChatGroup("grp-unknown"));
    }

    [Fact]
    public void GridWorkerOf_ReturnsTheOneWorker_WhenGivenAGrid() => Assert.Equal("w-a2", _tree.GridWorkerOf("g-a2").Id);

    [Fact]
    public void FindNode_ExposesStreetDepartments_WhenStreetListsThem() =>
        Assert.Equal([new Department("chengguan", "城管")], _tree.FindNode("s-a")!.Departments);
}
