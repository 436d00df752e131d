using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>Signing in as org.yaml people and calling the ticket API as them.</summary>
public static class StaffApi
{
    /// <summary>The development seed password of appsettings.Development.json.</summary>
    public const string SeedPassword = "hongqiao-dev-2026";

    public const string GridWorker = "w-xyz-01-01";
    public const string Grid = "g-xyz-01-01";
    public const string OtherGridWorker = "w-xyz-01-02";
    public const string OtherGrid = "g-xyz-01-02";
    public const string CommunityStaff = "cs-xyz-01-1";
    public const string StreetStaff = "ss-xyz-1";
    public const string District = "district";
    public const string Admin = "admin";

    public static async Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string user, string password) =>
        await client.PostAsJsonAsync("api/auth/token", new { user, password });

    /// <summary>A client for <paramref name="user"/>: the same server, with their bearer token on every request.</summary>
    public static async Task<HttpClient> SignInAsync(this BotApplicationFactory factory, string user, string password = SeedPassword)
    {
        using var anonymous = factory.CreateSocketClient();
        using var response = await anonymous.RequestTokenAsync(user, password);
        response.EnsureSuccessStatusCode();
        var token = (await response.ReadJsonAsync()).GetProperty("token").GetString();
        var client = factory.CreateSocketClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Files a complaint in <paramref name="gridId"/> as resident <paramref name="channelUserId"/>; returns the ticket JSON.</summary>
    public static async Task<JsonElement> FileTicketAsync(this HttpClient client, string gridId = Grid, string channelUserId = "wx-resident-1", string category = "drainage.blocked-sewer")
    {
        using var response = await client.PostAsJsonAsync("api/tickets", new
        {
            category,
            description = "3号楼2单元下水道堵了，污水漫到楼道里",
            gridId,
            address = "3号楼2单元",
            reporter = new { channelUserId, phone = "13800001234" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<HttpResponseMessage> ActAsync(this HttpClient client, string number, string action, string? note = null) =>
        await client.PostAsJsonAsync($"api/tickets/{number}/{action}", new { note });

    public static string Number(this JsonElement ticket) => ticket.GetProperty("number").GetString()!;

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>
    /// The history's event types without the sweeper's supervision trail (warned, urged, reported), which runs on
    /// the real clock beside the test: a grade whose accept limit is shorter than the warning lead is warned at once.
    /// </summary>
    public static IReadOnlyList<string> WorkEventTypes(this JsonElement ticket) =>
        [.. ticket.EventTypes().Where(t => t is not ("warned" or "urged" or "reported"))];

    public static IReadOnlyList<string> EventTypes(this JsonElement ticket) =>
        [.. ticket.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];

    public static async Task<string> TokenAsync(HttpClient client, string user, string password = SeedPassword)
    {
        using var response = await client.PostAsJsonAsync(new Uri("api/auth/token", UriKind.Relative), new { user, password });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("token").GetString()!;
    }

    /// <summary>Files a complaint anonymously, as a channel would, and returns its number.</summary>
    public static async Task<string> FileTicketNumberAsync(HttpClient client, string gridId, string description = "楼道里的污水井堵了，污水漫到路面上。")
    {
        using var response = await client.PostAsJsonAsync(new Uri("api/tickets", UriKind.Relative), new
        {
            category = "city-appearance.garbage-piled",
            description,
            gridId,
            urgency = "yellow",
            reporter = new { channelUserId = "wx-resident-test", phone = "13800001234" },
        });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("number").GetString()!;
    }

    public static async Task<HttpResponseMessage> GetTicketAsync(HttpClient client, string token, string number)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/tickets/{number}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> GetTicketJsonAsync(HttpClient client, string token, string number)
    {
        using var response = await GetTicketAsync(client, token, number);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }
}
