using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Bot.Tests.Tickets;

/// <summary><c>GET /api/tickets/events</c> over a real socket: who may listen and which changes each listener gets.</summary>
public sealed class TicketEventStreamTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    private static readonly Uri Events = new("api/tickets/events", UriKind.Relative);

    [Fact]
    public async Task Events_Answers401_WithoutAToken()
    {
        using var response = await service.Client.GetAsync(Events, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Events_SendsAChangeOfTheCallersGrid_AndNotOneOfAnotherStreet()
    {
        var token = await StaffApi.TokenAsync(service.Client, "w-xyz-01-01");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, Events);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await service.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        // The opening comment comes once the subscription is in place; nothing published after it can be missed.
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));

        var feed = service.Factory.Services.GetRequiredService<TicketChangeFeed>();
        var at = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        feed.Publish(new TicketChange(TicketNumber.Parse("HQ-20261121-0901"), TicketEventType.Assigned, TicketStatus.Assigned, OrgLevel.Grid, "g-dzg-01-01", "g-dzg-01-01", 2, at));
        feed.Publish(new TicketChange(TicketNumber.Parse("HQ-20261121-0902"), TicketEventType.Escalated, TicketStatus.Assigned, OrgLevel.Community, "c-xyz-01", "g-xyz-01-01", 5, at));

        // The feed keeps order per subscriber: had the other street's change been sent, it would come first.
        var (name, data) = await ReadEventAsync(reader, timeout.Token);
        Assert.Equal("ticket", name);
        using var json = JsonDocument.Parse(data);
        var change = json.RootElement;
        Assert.Equal("HQ-20261121-0902", change.GetProperty("number").GetString());
        Assert.Equal("escalated", change.GetProperty("event").GetString());
        Assert.Equal("assigned", change.GetProperty("status").GetString());
        Assert.Equal("community", change.GetProperty("level").GetString());
        Assert.Equal("c-xyz-01", change.GetProperty("holderNodeId").GetString());
        Assert.Equal(5, change.GetProperty("version").GetInt32());
        Assert.Equal(at, change.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(["at", "event", "holderNodeId", "level", "number", "status", "version"], change.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Events_SendsAStreetAllTheGridsBelowIt()
    {
        var token = await StaffApi.TokenAsync(service.Client, "ss-xyz-1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, Events);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await service.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));

        var feed = service.Factory.Services.GetRequiredService<TicketChangeFeed>();
        var at = new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);
        feed.Publish(new TicketChange(TicketNumber.Parse("HQ-20261121-0903"), TicketEventType.Accepted, TicketStatus.Accepted, OrgLevel.Grid, "g-xyz-02-01", "g-xyz-02-01", 3, at));

        var (_, data) = await ReadEventAsync(reader, timeout.Token);
        using var json = JsonDocument.Parse(data);
        Assert.Equal("HQ-20261121-0903", json.RootElement.GetProperty("number").GetString());
    }

    /// <summary>The next event's name and data, skipping comments (heartbeats).</summary>
    private static async Task<(string Name, string Data)> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return (name ?? "message", data);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("The stream ended before an event.");
    }
}
