using CitizenBot.Bot.Tests.Infrastructure;
using CitizenBot.Escalation;

namespace CitizenBot.Bot.Tests.Escalation;

/// <summary>Start-up of the escalation module inside the real service: its database and its content checks.</summary>
public sealed class EscalationStartupTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    private const string BrokenLine = "  - { id: g-xyz-01-02, name: 子牙社区第2网格, level: grid, parent: c-xyz-01, chat-groups: [grp-xyz-01-02] }";

    [Fact]
    public async Task Service_KeepsTicketsDbInTheConfiguredDataDirectory_WhenStarted()
    {
        using var response = await service.Client.GetAsync(BotHttp.Health);

        Assert.True(File.Exists(Path.Combine(service.DataDirectory, "tickets.db")), "no tickets.db in the configured data directory");
    }

    [Fact]
    public async Task Startup_FailsWithFileAndLine_WhenOrgYamlIsInvalid()
    {
        using var content = new TempDirectory();
        using var data = new TempDirectory();
        foreach (var file in new[] { "org.yaml", "categories.yaml", "calendar.yaml" })
        {
            File.Copy(Path.Combine(RepositoryPaths.KnowledgeBase, file), content.Combine(file));
        }

        var lines = await File.ReadAllLinesAsync(content.Combine("org.yaml"));
        var broken = Array.IndexOf(lines, BrokenLine);
        Assert.True(broken >= 0, "the line to break is no longer in org.yaml");
        lines[broken] = BrokenLine.Replace("level: grid", "level: gird", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(content.Combine("org.yaml"), lines);

        await using var factory = new BotApplicationFactory(
            data.Path,
            new Dictionary<string, string> { ["Escalation:ContentDirectory"] = content.Path });
        var ex = Assert.Throws<EscalationContentException>(() => factory.CreateSocketClient().Dispose());

        Assert.Contains($"org.yaml:{broken + 1}: unknown level 'gird'", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(data.Combine("tickets.db")), "tickets.db was created from invalid content");
    }
}
