using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>Reading the service's JSON answers as the wire shows them.</summary>
public static class BotHttp
{
    public static Uri Search(string q, int? k = null) =>
        new($"api/knowledge/search?q={Uri.EscapeDataString(q)}{(k is { } n ? string.Create(CultureInfo.InvariantCulture, $"&k={n}") : "")}", UriKind.Relative);

    public static Uri Entry(string id) => new($"api/knowledge/entries/{Uri.EscapeDataString(id)}", UriKind.Relative);

    public static Uri Health { get; } = new("health", UriKind.Relative);

    public static Uri Org { get; } = new("api/org", UriKind.Relative);

    public static Uri Categories { get; } = new("api/categories", UriKind.Relative);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The messages of a validation problem's <c>errors[field]</c>.</summary>
    public static IReadOnlyList<string> ValidationErrors(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString() ?? "").ToArray()
            : [];
}
