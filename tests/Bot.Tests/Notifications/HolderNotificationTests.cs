using System.Diagnostics;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Notifications;

/// <summary>The people holding a ticket are told when it reaches them, and nobody else is.</summary>
public sealed class HolderNotificationTests
{
    [Fact]
    public async Task NewTicket_NotifiesItsGridWorker_AndEscalation_NotifiesTheCommunity()
    {
        using var data = new TempDirectory();
        await using var factory = new BotApplicationFactory(data.Path, new Dictionary<string, string>
        {
            ["Knowledge:ImportOnFirstStart"] = "false",
            ["Escalation:DrillSla"] = "00:00:01",
            ["Escalation:Sweeper:Period"] = "00:00:00.2",
        });
        using var anonymous = factory.CreateSocketClient();
        var number = (await anonymous.FileTicketAsync()).Number();
        using var worker = await factory.SignInAsync(StaffApi.GridWorker);
        using var community = await factory.SignInAsync(StaffApi.CommunityStaff);
        using var otherWorker = await factory.SignInAsync(StaffApi.OtherGridWorker);

        var assigned = await WaitForAsync(worker, number, "assigned");
        var escalated = await WaitForAsync(community, number, "escalated");

        Assert.Contains("新工单", assigned.Text("text"), StringComparison.Ordinal);
        Assert.Contains("社区", escalated.Text("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("138", escalated.Text("text"), StringComparison.Ordinal);
        var others = await (await otherWorker.GetAsync(new Uri("api/notices", UriKind.Relative))).ReadJsonAsync();
        Assert.DoesNotContain(others.EnumerateArray(), n => n.Text("ticketNumber") == number);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string number, string type)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var notices = await (await client.GetAsync(new Uri("api/notices", UriKind.Relative))).ReadJsonAsync();
            foreach (var notice in notices.EnumerateArray())
            {
                if (notice.Text("ticketNumber") == number && notice.Text("event") == type)
                {
                    return notice;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No '{type}' notice about {number} within 30 s.");
    }
}
