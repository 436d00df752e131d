using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace CitizenBot.Bot.Tests.WebChat;

/// <summary>
/// Answers the page's <c>/api/chat</c> calls inside the browser, for page behaviour that needs messages chosen for the
/// purpose (markup in a bot's text, a refused or lost send) rather than what the dialogue engine happens to say. Each
/// events request returns the conversation's messages so far and ends, so the page's reconnect picks up new ones.
/// </summary>
internal sealed class ChatApiStub
{
    public const string Group = "grp-xyz-01-01";
    public const string GroupName = "子牙社区第1网格居民群";
    public const string WorkerId = "wx-w-xyz-01-01";
    public const string WorkerName = "刘桂英";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, List<string>> _events = new();
    private long _lastId;

    /// <summary>Every message the page posted, in order.</summary>
    public ConcurrentQueue<JsonElement> Sent { get; } = new();

    /// <summary>
    /// How a posted message is answered: status and JSON body. By default it is echoed on its conversation's stream
    /// and answered with no replies, as the service does for a group message without @百事通.
    /// </summary>
    public Func<JsonElement, (int Status, string Body)> OnSend { get; set; }

    /// <summary>When set, sending fails as if the network were down.</summary>
    public bool Offline { get; set; }

    public ChatApiStub() => OnSend = message =>
    {
        Echo(message);
        return (200, """{"duplicate":false,"replies":[]}""");
    };

    /// <summary>Opens a conversation's stream (a private thread answers 404 until this is called).</summary>
    public void Open(string conversationId) => _events.TryAdd(conversationId, []);

    /// <summary>Puts a message on a conversation's stream; returns its event id.</summary>
    public long Add(string conversationId, string senderId, string senderName, string text, bool fromBot = false,
        string[]? mentions = null, (string Label, string Reply)[]? choices = null, string? entryId = null,
        string? ticketNumber = null, DateTimeOffset? at = null)
    {
        var id = Interlocked.Increment(ref _lastId);
        var message = JsonSerializer.Serialize(new
        {
            id,
            channel = "web",
            conversationId,
            conversationType = conversationId.StartsWith("dm-", StringComparison.Ordinal) ? "private" : "group",
            senderId,
            senderName,
            fromBot,
            text,
            mentions = mentions ?? [],
            choices = (choices ?? []).Select(c => new { label = c.Label, reply = c.Reply }),
            entryId,
            ticketNumber,
            at = at ?? new DateTimeOffset(2026, 11, 22, 1, 30, 0, TimeSpan.Zero),
        }, Json);
        var list = _events.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"event: message\nid: {id}\ndata: {message}\n\n"));
        }

        return id;
    }

    /// <summary>Shows a posted message on its conversation's stream, as the service does for every message.</summary>
    public void Echo(JsonElement message) => Add(
        message.GetProperty("conversationId").GetString()!,
        message.GetProperty("senderId").GetString()!,
        message.GetProperty("senderName").GetString()!,
        message.GetProperty("text").GetString()!);

    public async Task InstallAsync(IPage page)
    {
        await page.RouteAsync("**/api/chat/groups", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = $$$"""
                [{"conversationId":"{{{Group}}}","name":"{{{GroupName}}}","gridId":"g-xyz-01-01","gridName":"子牙社区第1网格",
                  "worker":{"senderId":"{{{WorkerId}}}","name":"{{{WorkerName}}}"}},
                 {"conversationId":"grp-xyz-01-02","name":"子牙社区第2网格居民群","gridId":"g-xyz-01-02","gridName":"子牙社区第2网格",
                  "worker":{"senderId":"wx-w-xyz-01-02","name":"王建国"}}]
                """,
        }));
        await page.RouteAsync("**/api/chat/messages", async route =>
        {
            if (Offline)
            {
                await route.AbortAsync("internetdisconnected");
                return;
            }

            var message = route.Request.PostDataJSON() ?? throw new InvalidOperationException("The page posted no JSON.");
            Sent.Enqueue(message);
            var (status, body) = OnSend(message);
            await route.FulfillAsync(new()
            {
                Status = status,
                ContentType = status == 200 ? "application/json" : "application/problem+json",
                Body = body,
            });
        });
        await page.RouteAsync("**/api/chat/conversations/*/events", async route =>
        {
            var id = Uri.UnescapeDataString(new Uri(route.Request.Url).Segments[^2].TrimEnd('/'));
            if (!_events.TryGetValue(id, out var list))
            {
                await route.FulfillAsync(new() { Status = 404 });
                return;
            }

            string body;
            lock (list)
            {
                body = ": connected\n\n" + string.Concat(list);
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", BodyBytes = Encoding.UTF8.GetBytes(body) });
        });
    }
}
