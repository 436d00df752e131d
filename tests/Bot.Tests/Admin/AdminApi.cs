using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>Calls and readings the admin API tests share.</summary>
internal static class AdminApi
{
    public static Uri Url(string relative) => new(relative, UriKind.Relative);

    public static Uri Entry(string id) => Url($"api/admin/entries/{Uri.EscapeDataString(id)}");

    /// <summary>A valid create/edit body for <paramref name="id"/>; the caller overrides what it tests.</summary>
    public static Dictionary<string, object?> EntryBody(string? id, string title, string answer, string category = "grid", string? status = null) => new()
    {
        ["id"] = id,
        ["title"] = title,
        ["questions"] = new[] { title.TrimEnd('？') + "在哪里问" },
        ["answer"] = answer,
        ["category"] = category,
        ["tags"] = new[] { "测试" },
        ["department"] = "社区服务站",
        ["source"] = null,
        ["status"] = status,
    };

    public static async Task<JsonElement> CreateAsync(this HttpClient admin, Dictionary<string, object?> body)
    {
        using var response = await admin.PostAsJsonAsync(Url("api/admin/entries"), body);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {json}");
        return json;
    }

    /// <summary>The search API's view of <paramref name="question"/>: its decision and every hit's entry id.</summary>
    public static async Task<(string Decision, string? AnswerId, IReadOnlyList<string> Hits)> SearchAsync(this HttpClient client, string question)
    {
        using var response = await client.GetAsync(BotHttp.Search(question, k: 10));
        response.EnsureSuccessStatusCode();
        var body = await response.ReadJsonAsync();
        return (
            body.Text("decision"),
            body.TryGetProperty("answer", out var answer) && answer.ValueKind == JsonValueKind.Object ? answer.Text("id") : null,
            [.. body.GetProperty("hits").EnumerateArray().Select(h => h.Text("entryId"))]);
    }

    public static List<string> Strings(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
