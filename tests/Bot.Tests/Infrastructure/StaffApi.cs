using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>The staff and ticket API as a test drives it: sign in, file a complaint, read a ticket.</summary>
public static class StaffApi
{
    /// <summary>The dev seed password every org.yaml person has until they change it (appsettings.Development.json).</summary>
    public const string SeedPassword = "hongqiao-dev-2026";

    public static async Task<string> TokenAsync(HttpClient client, string user, string password = SeedPassword)
    {
        using var response = await client.PostAsJsonAsync(new Uri("api/auth/token", UriKind.Relative), new { user, password });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("token").GetString()!;
    }

    /// <summary>Files a complaint anonymously, as a channel would, and returns its number.</summary>
    public static async Task<string> FileTicketAsync(HttpClient client, string gridId, string description = "楼道里的污水井堵了，污水漫到路面上。")
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
