using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Chat;

/// <summary>A handoff nobody takes climbs the grid like a ticket, and the resident is told honestly who answers and by when.</summary>
public sealed class HandoffEscalationTests
{
    [Fact]
    public async Task UnansweredHandoff_Escalates_AndTheResidentIsToldInTheGroup()
    {
        using var data = new TempDirectory();
        await using var factory = new BotApplicationFactory(data.Path, new Dictionary<string, string>
        {
            ["Knowledge:ImportOnFirstStart"] = "false",
            ["Escalation:DrillSla"] = "00:00:02",
            ["Escalation:Sweeper:Period"] = "00:00:00.2",
        });
        using var client = factory.CreateSocketClient();
        await using var group = await ConversationEvents.OpenAsync(client, "grp-xyz-01-03");
        var resident = new ChatUser(client, "r-waiting", "着急的居民");

        var asked = await resident.SayInGroupAsync("grp-xyz-01-03", "@百事通 找网格员");
        Assert.NotNull(asked.TicketNumber);

        var told = await group.WaitForAsync(e =>
            e.GetProperty("fromBot").GetBoolean() && e.GetProperty("text").GetString()!.Contains("暂时没能回复", StringComparison.Ordinal));
        Assert.Contains("子牙社区", told.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["r-waiting"], told.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
    }
}
