using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Tests.Infrastructure;

namespace CitizenBot.Escalation.Tests.Categories;

public sealed class CategoryCatalogLoaderTests
{
    [Fact]
    public async Task LoadAsync_LoadsAtLeastTwelveGradedGroups_WhenRealFile()
    {
        var path = Path.Combine(RepositoryPaths.KnowledgeBase, CategoryCatalog.FileName);

        var catalog = await CategoryCatalogLoader.LoadAsync(path, CancellationToken.None);

        Assert.True(catalog.Groups.Length >= 12, $"only {catalog.Groups.Length} groups");
        Assert.All(catalog.Groups, g => Assert.InRange(g.Items.Count, 4, 8));
        Assert.All(catalog.Items, item => Assert.True(Enum.IsDefined(item.Grade), item.Id));
        Assert.All(catalog.Items, item => Assert.NotEmpty(item.Keywords));
        Assert.All(catalog.Items.SelectMany(i => i.Keywords), k => Assert.True(k.Length >= 2, k));
        Assert.Equal(UrgencyGrade.Red, catalog.GetItem("gas.leak").Grade);
        Assert.Equal(UrgencyGrade.Red, catalog.GetItem("public-facilities.manhole").Grade);
        Assert.Equal(UrgencyGrade.Red, catalog.GetItem("safety.ebike-charging").Grade);
    }

    [Fact]
    public void Parse_ReturnsCatalog_WhenValid()
    {
        var catalog = CategoryCatalogLoader.Parse(CategoryYaml.Join(CategoryYaml.ValidLines), CategoryYaml.FileName);

        var item = Assert.Single(catalog.Items);
        Assert.Equal(
            new CategoryItem("drainage.blocked-sewer", "下水道堵塞", UrgencyGrade.Yellow, "water-affairs", item.Keywords),
            item);
        Assert.Equal(["下水道", "返水"], item.Keywords);
    }

    public static TheoryData<string, int, string> InvalidCatalogs => new()
    {
        { CategoryYaml.WithLine(6, "      grade: 4"), 6, "grade '4' must be 1" },
        { CategoryYaml.WithLine(6, "      grade: 0"), 6, "grade '0' must be 1" },
        { CategoryYaml.WithLine(6, "      grade: 红"), 6, "grade '红' must be 1" },
        { CategoryYaml.WithLine(5, "      name: \"\""), 5, "item 'name' must be non-empty" },
        { CategoryYaml.WithoutLine(5), 4, "item is missing 'name'" },
        { CategoryYaml.WithoutLine(2), 1, "group is missing 'name'" },
        { CategoryYaml.Join([.. CategoryYaml.ValidLines, "      colour: red"]), 9, "unknown item key 'colour'" },
        { CategoryYaml.Join("- id: drainage", "  name: 供水排水", "  items: []"), 3, "group 'drainage' has no items" },
        { CategoryYaml.Join("- id: drainage", "  name: 供水排水"), 1, "group 'drainage' has no items" },
        { CategoryYaml.WithLine(4, "    - id: water.blocked-sewer"), 4, "must be 'drainage.' followed by a slug" },
        { CategoryYaml.WithLine(7, "      department: 水务"), 7, "department '水务' must be" },
        { CategoryYaml.WithLine(6, "      grade: [2"), 6, "invalid YAML: the file ends inside an unclosed" },
        { CategoryYaml.WithLine(5, "      name: 下水道: 堵塞"), 5, "invalid YAML: " },
        { CategoryYaml.WithLine(7, "     department: water-affairs"), 7, "invalid YAML" },
        { "", 1, "expected a non-empty list of category groups" },
    };

    [Theory]
    [MemberData(nameof(InvalidCatalogs))]
    public void Parse_ReportsFileAndLine_WhenInvalid(string yaml, int line, string message)
    {
        var error = Assert.Throws<EscalationContentException>(() => CategoryCatalogLoader.Parse(yaml, CategoryYaml.FileName));

        var reported = Assert.Single(error.Message.Split('\n'));
        Assert.StartsWith($"categories.yaml:{line}: ", reported, StringComparison.Ordinal);
        Assert.Contains(message, reported, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", reported, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsDuplicateGroupAtSecondId_WhenGroupIdRepeated()
    {
        var yaml = CategoryYaml.Join([.. CategoryYaml.ValidLines, "- id: drainage", "  name: 排水", .. CategoryYaml.ValidLines[2..]]);

        var error = Assert.Throws<EscalationContentException>(() => CategoryCatalogLoader.Parse(yaml, CategoryYaml.FileName));

        Assert.Contains("categories.yaml:9: duplicate group id 'drainage'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsEveryError_WhenSeveralProblems()
    {
        var yaml = CategoryYaml.Join(
        [
            .. CategoryYaml.ValidLines[..5],
            "      grade: 5",
            .. CategoryYaml.ValidLines[6..],
            "    - id: drainage.blocked-sewer",
            "      grade: 1",
            "      department: water-affairs",
        ]);

        var error = Assert.Throws<EscalationContentException>(() => CategoryCatalogLoader.Parse(yaml, CategoryYaml.FileName));

        Assert.Equal(
            [
                "categories.yaml:6: grade '5' must be 1 (red), 2 (yellow) or 3 (blue)",
                "categories.yaml:9: duplicate item id 'drainage.blocked-sewer'",
                "categories.yaml:9: item is missing 'name'",
            ],
            error.Message.Split('\n'));
    }
}
