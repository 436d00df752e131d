using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Escalation;

/// <summary>Black box: the service in drill mode, watched from outside through its API only.</summary>
public sealed class DrillEscalationTests
{
    [Fact]
    public async Task UnacceptedTicket_ClimbsGridCommunityStreetDistrict_AndIsSupervised_EachStepInItsHistory()
    {
        using var data = new TempDirectory();
        await using var bot = await BotProcess.StartAsync(data.Path, new Dictionary<string, string>
        {
            ["Escalation:DrillSla"] = "00:00:01",
            ["Escalation:Sweeper:Period"] = "00:00:00.2",
        });
        using var client = bot.CreateClient();
        var number = (await client.FileTicketAsync()).Number();
        using var district = bot.CreateClient();
        district.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, StaffApi.District));

        var ticket = await PollAsync(district, number, t => t.GetProperty("supervised").GetBoolean(), TimeSpan.FromSeconds(60), bot);

        Assert.Equal("district", ticket.Text("level"));
        Assert.Equal("assigned", ticket.Text("status"));
        var climbs = ticket.GetProperty("events").EnumerateArray()
            .Where(e => e.Text("type") == "escalated")
            .Select(e => $"{e.Text("fromLevel")}→{e.Text("toLevel")}")
            .ToList();
        Assert.Equal(["grid→community", "community→street", "street→district"], climbs);
        var types = ticket.EventTypes();
        Assert.True(types.ToList().LastIndexOf("escalated") < types.ToList().IndexOf("supervised"), string.Join(", ", types));
        Assert.All(ticket.GetProperty("events").EnumerateArray().Where(e => e.Text("type") == "escalated"), e => Assert.False(string.IsNullOrWhiteSpace(e.Text("note"))));
    }

    internal static async Task<string> TokenAsync(HttpClient client, string user)
    {
        using var response = await client.RequestTokenAsync(user, StaffApi.SeedPassword);
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).Text("token");
    }

    internal static async Task<JsonElement> PollAsync(HttpClient client, string number, Func<JsonElement, bool> until, TimeSpan timeout, BotProcess bot)
    {
        var stopwatch = Stopwatch.StartNew();
        JsonElement last = default;
        while (stopwatch.Elapsed < timeout)
        {
            using var response = await client.GetAsync(new Uri($"api/tickets/{number}", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            last = await response.ReadJsonAsync();
            if (until(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Ticket {number} did not reach the expected state in {timeout.TotalSeconds:0} s; last seen: {last}\n{bot.Output}");
    }
}
