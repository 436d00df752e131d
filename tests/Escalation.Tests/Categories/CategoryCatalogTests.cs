using CitizenBot.Escalation.Categories;

namespace CitizenBot.Escalation.Tests.Categories;

public sealed class CategoryCatalogTests
{
    private readonly CategoryCatalog _catalog = RealCategoryCatalog.Instance;

    [Theory]
    [InlineData("drainage.blocked-sewer", "下水道堵塞", 2, "drainage", "water-affairs")]
    [InlineData("gas.leak", "燃气泄漏", 1, "gas", "gas")]
    [InlineData("public-facilities.manhole", "井盖缺失", 1, "public-facilities", "urban-management")]
    [InlineData("property.stairwell-light", "楼道灯不亮", 3, "property", "housing")]
    public void TryGetItem_ReturnsItemAndGroup_WhenIdKnown(
        string id, string name, int grade, string groupId, string departmentId)
    {
        Assert.True(_catalog.TryGetItem(id, out var item));
        Assert.Equal((name, (UrgencyGrade)grade, departmentId), (item.Name, item.Grade, item.DepartmentId));
        Assert.Same(item, _catalog.GetItem(id));
        Assert.Equal(groupId, _catalog.GetGroupOf(id).Id);
        Assert.Contains(item, _catalog.GetGroupOf(id).Items);
    }

    [Theory]
    [InlineData("drainage")]
    [InlineData("Drainage.Blocked-Sewer")]
    [InlineData("")]
    public void TryGetItem_ReturnsFalse_WhenIdUnknown(string id)
    {
        Assert.False(_catalog.TryGetItem(id, out _));
        Assert.Throws<KeyNotFoundException>(() => _catalog.GetItem(id));
        Assert.Throws<KeyNotFoundException>(() => _catalog.GetGroupOf(id));
    }

    [Fact]
    public void Items_ListsEveryGroupItemOnce_WhenRealFile()
    {
        Assert.Equal(_catalog.Groups.Sum(g => g.Items.Count), _catalog.Items.Length);
        Assert.Equal(_catalog.Items.Length, _catalog.Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Constructor_Throws_WhenItemIdsRepeat()
    {
        var item = new CategoryItem("gas.leak", "燃气泄漏", UrgencyGrade.Red, "gas", []);

        Assert.ThrowsAny<ArgumentException>(() => new CategoryCatalog([new CategoryGroup("gas", "燃气", [item, item])]));
    }
}
