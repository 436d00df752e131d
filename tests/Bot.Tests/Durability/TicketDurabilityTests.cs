using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CitizenBot.Bot.Tests.Escalation;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Durability;

/// <summary>SIGKILL in the middle of filing tickets: nothing acknowledged is lost, and nothing fires twice.</summary>
public sealed class TicketDurabilityTests
{
    private static readonly Dictionary<string, string> DrillSettings = new()
    {
        ["Escalation:DrillSla"] = "00:00:02",
        ["Escalation:Sweeper:Period"] = "00:00:00.2",
    };

    [Fact]
    public async Task KilledService_KeepsEveryAcknowledgedTicketWithItsHistory_AndFiresWhatFellDueWhileDownOnce()
    {
        using var data = new TempDirectory();
        var acknowledged = new ConcurrentBag<string>();
        var bot = await BotProcess.StartAsync(data.Path, DrillSettings);
        await using (bot)
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                using var client = bot.CreateClient();
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("api/tickets", new
                        {
                            category = "drainage.blocked-sewer",
                            description = $"写入者{w}的第{i}条：下水道堵塞",
                            gridId = StaffApi.Grid,
                            reporter = new { channelUserId = $"wx-writer-{w}", phone = "13800001234" },
                        });
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((await response.ReadJsonAsync()).Number());
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;
                    }
                }
            })).ToArray();

            // Kill while the writers are busy, once a fair number has been acknowledged.
            while (acknowledged.Count < 100)
            {
                await Task.Delay(20);
            }

            await bot.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        // Down for longer than a whole drill climb: grid, community and street deadlines all pass meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(7));

        await using var restarted = await BotProcess.StartAsync(data.Path, DrillSettings);
        using var district = restarted.CreateClient();
        district.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DrillEscalationTests.TokenAsync(district, StaffApi.District));
        foreach (var number in acknowledged)
        {
            var ticket = await DrillEscalationTests.PollAsync(district, number, t => t.GetProperty("supervised").GetBoolean(), TimeSpan.FromSeconds(60), restarted);
            var types = ticket.EventTypes();
            Assert.Equal("submitted", types[0]);
            Assert.Equal("assigned", types[1]);
            var climbs = ticket.GetProperty("events").EnumerateArray()
                .Where(e => e.Text("type") == "escalated")
                .Select(e => e.Text("toLevel"))
                .ToList();
            Assert.Equal(["community", "street", "district"], climbs);
            Assert.Single(types, "supervised");
        }

        // Every ticket is there once: the API lists exactly the acknowledged ones (and perhaps a few stored whose answer was cut off).
        var listed = new HashSet<string>();
        for (var offset = 0; ; offset += 200)
        {
            var page = await (await district.GetAsync(new Uri($"api/tickets?limit=200&offset={offset}", UriKind.Relative))).ReadJsonAsync();
            listed.UnionWith(page.GetProperty("items").EnumerateArray().Select(t => t.Number()));
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        Assert.Superset(acknowledged.ToHashSet(), listed);
    }
}
