using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tests.Org;

// Line numbers refer to OrgYamlSamples.Valid: 4 hq, 5 s-a, 6 c-a, 7 g-a1, 8 g-a2, 9 s-b, 10 c-b, 11 g-b1,
// 13 district, 14 w-a1, 15 w-a2, 16 w-b1, 17 st-a.
public sealed class OrgTreeValidationTests
{
    [Fact]
    public void Parse_ReportsUnknownParent_WhenParentIdDoesNotExist()
    {
        var errors = Errors(OrgYamlSamples.WithLine(10, "  - { id: c-b, name: 乙社区, level: community, parent: s-x }"));

        Assert.Equal("org.yaml:10: unknown parent 's-x' of 'c-b'", Assert.Single(errors));
    }

    [Fact]
    public void Parse_ReportsTheParentLine_WhenItemIsWrittenInBlockStyle()
    {
        const string Yaml = """
            nodes:
              - id: hq
                name: 红桥区
                level: district
              - id: s-a
                name: 甲街道
                level: street
                parent: nowhere
            """;

        Assert.Equal("org.yaml:8: unknown parent 'nowhere' of 's-a'", Assert.Single(Errors(Yaml)));
    }

    [Fact]
    public void Parse_ReportsDuplicateNodeId_WhenTwoNodesShareAnId()
    {
        var errors = Errors(OrgYamlSamples.WithLine(8, "  - { id: g-a1, name: 甲二网格, level: grid, parent: c-a }"));

        Assert.Contains("org.yaml:8: duplicate id 'g-a1' (first at line 7)", errors);
    }

    [Fact]
    public void Parse_ReportsDuplicateId_WhenAPersonReusesANodeId()
    {
        var errors = Errors(OrgYamlSamples.WithLine(17, "  - { id: s-a, name: 王街, role: street, node: s-a }"));

        Assert.Equal("org.yaml:17: duplicate id 's-a' (first at line 5)", Assert.Single(errors));
    }

    [Fact]
    public void Parse_ReportsGridWithoutWorker_WhenNoGridWorkerIsAttached()
    {
        var errors = Errors(OrgYamlSamples.WithLine(15, "  # nobody"));

        var error = Assert.Single(errors);
        Assert.StartsWith("org.yaml:8: grid 'g-a2' has no grid worker", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsSecondWorker_WhenAGridHasTwoGridWorkers()
    {
        var errors = Errors(OrgYamlSamples.WithLine(17, "  - { id: w-a1b, name: 张三, role: grid-worker, node: g-a1, sender: wx-a1b }"));

        var error = Assert.Single(errors);
        Assert.StartsWith("org.yaml:17: grid 'g-a1' has a second grid worker 'w-a1b' (first at line 14)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsMissingSender_WhenAGridWorkerHasNone()
    {
        var errors = Errors(OrgYamlSamples.WithLine(16, "  - { id: w-b1, name: 李一, role: grid-worker, node: g-b1 }"));

        Assert.StartsWith("org.yaml:16: grid worker 'w-b1' has no 'sender' id", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, "  - { id: c-b, name: 乙社区, level: community, parent: hq }", "community 'c-b' is under district 'hq'")]
    [InlineData(11, "  - { id: g-b1, name: 乙一网格, level: grid, parent: s-b, chat-groups: [grp-b1] }", "grid 'g-b1' is under street 's-b'")]
    public void Parse_ReportsLevelOutOfOrder_WhenANodeSkipsALevel(int line, string text, string expected)
    {
        var error = Assert.Single(Errors(OrgYamlSamples.WithLine(line, text)));

        Assert.StartsWith($"org.yaml:{line}: level out of order: {expected}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsSecondDistrict_WhenTwoNodesAreDistricts()
    {
        var errors = Errors(OrgYamlSamples.WithLine(9, "  - { id: s-b, name: 乙街道, level: district }"));

        Assert.Contains(errors, e => e.StartsWith("org.yaml:9: a second district 's-b'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReportsMissingDistrict_WhenNoNodeIsADistrict()
    {
        var errors = Errors(OrgYamlSamples.WithLine(4, "  - { id: hq, name: 红桥区, level: street }"));

        Assert.Contains(errors, e => e.StartsWith("org.yaml:1: the tree needs exactly one node with 'level: district'", StringComparison.Ordinal));
        Assert.Contains("org.yaml:4: street 'hq' has no 'parent'", errors);
    }

    [Fact]
    public void Parse_ReportsDuplicateChatGroup_WhenAGroupIsMappedToTwoGrids()
    {
        var errors = Errors(OrgYamlSamples.WithLine(8, "  - { id: g-a2, name: 甲二网格, level: grid, parent: c-a, chat-groups: [grp-a1] }"));

        Assert.Equal("org.yaml:8: duplicate chat group 'grp-a1' (first at line 7)", Assert.Single(errors));
    }

    [Fact]
    public void Parse_ReportsUnknownNode_WhenAPersonIsAttachedToIt()
    {
        var errors = Errors(OrgYamlSamples.WithLine(17, "  - { id: st-a, name: 王街, role: street, node: s-x }"));

        Assert.Equal("org.yaml:17: person 'st-a' is attached to unknown node 's-x'", Assert.Single(errors));
    }

    [Fact]
    public void Parse_ReportsUnknownRole_WhenRoleIsNotInTheList()
    {
        var errors = Errors(OrgYamlSamples.WithLine(17, "  - { id: st-a, name: 王街, role: mayor, node: s-a }"));

        Assert.StartsWith("org.yaml:17: unknown role 'mayor'", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsUnknownLevel_WhenLevelIsNotInTheList()
    {
        var errors = Errors(OrgYamlSamples.WithLine(9, "  - { id: s-b, name: 乙街道, level: town, parent: hq }"));

        Assert.StartsWith("org.yaml:9: unknown level 'town'", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsSyntaxErrorLine_WhenYamlIsMalformed()
    {
        const string Yaml = "nodes:\n  - id: hq\n    name: 红桥区\n   level: district\n";

        Assert.StartsWith("org.yaml:4: invalid YAML", Assert.Single(Errors(Yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsTheLastLine_WhenAFlowListIsLeftOpen()
    {
        const string Yaml = "nodes:\n  - { id: hq, name: 红桥区, level: district, chat-groups: [a\n";

        Assert.StartsWith("org.yaml:", Assert.Single(Errors(Yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsEveryErrorInLineOrder_WhenThereAreSeveral()
    {
        var yaml = OrgYamlSamples.With(
            (17, "  - { id: st-a, name: 王街, role: mayor, node: s-a }"),
            (10, "  - { id: c-b, name: 乙社区, level: community, parent: hq }"),
            (15, "  # nobody"),
            (8, "  - { id: g-a2, name: 甲二网格, level: grid, parent: c-a, chat-groups: [grp-a1] }"));

        var errors = Errors(yaml);

        Assert.Equal(["org.yaml:8", "org.yaml:8", "org.yaml:10", "org.yaml:17"], errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]));
    }

    private static string[] Errors(string yaml)
    {
        var ex = Assert.Throws<EscalationContentException>(() => OrgTreeLoader.Parse(yaml, "org.yaml"));
        return ex.Message.Split('\n');
    }
}
