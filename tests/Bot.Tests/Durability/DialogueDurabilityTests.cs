using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Durability;

/// <summary>A complaint half-filled when the service is SIGKILLed goes on after the restart where it stopped.</summary>
public sealed class DialogueDurabilityTests
{
    private const string Group = "grp-xyz-01-02";

    [Fact]
    public async Task KilledService_KeepsAHalfFilledForm_AndRecognizesAcknowledgedMessageIds()
    {
        using var data = new TempDirectory();
        const string senderId = "r-durable-1";
        string lastQuestion;
        await using (var bot = await BotProcess.StartAsync(data.Path, new Dictionary<string, string>()))
        {
            using var client = bot.CreateClient();
            var resident = new ChatUser(client, senderId, "耐心的居民");
            var start = await resident.SayInGroupAsync(Group, "@百事通 9号楼3单元楼道灯坏了", "m-1");
            var afterUrgency = await resident.SayPrivatelyAsync("不急", "m-2");
            lastQuestion = afterUrgency.TextIn(resident.PrivateThread);
            Assert.NotEmpty(start.All);
            Assert.Contains("电话", lastQuestion, StringComparison.Ordinal);
            await bot.KillAsync();
        }

        await using var restarted = await BotProcess.StartAsync(data.Path, new Dictionary<string, string>());
        using var again = restarted.CreateClient();
        var same = new ChatUser(again, senderId, "耐心的居民");

        // The channel redelivers what it is unsure of: already handled, so nothing happens twice.
        Assert.True((await same.SayPrivatelyAsync("不急", "m-2")).Duplicate);

        var next = await same.SayPrivatelyAsync("13800000009", "m-3");
        Assert.Contains("照片", next.AllText, StringComparison.Ordinal);
        var summary = await same.SayPrivatelyAsync("没有", "m-4");
        Assert.Contains("9号楼", summary.AllText, StringComparison.Ordinal);
        Assert.Contains("138****0009", summary.AllText, StringComparison.Ordinal);
        Assert.NotNull((await same.SayPrivatelyAsync("确认", "m-5")).TicketNumber);
    }
}
