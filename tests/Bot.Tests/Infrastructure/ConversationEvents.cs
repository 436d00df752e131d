using System.Text.Json;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>Reads a conversation's server-sent events (<c>GET /api/chat/conversations/{id}/events</c>) in a test.</summary>
public sealed class ConversationEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private ConversationEvents(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<ConversationEvents> OpenAsync(HttpClient client, string conversationId)
    {
        var response = await client.GetAsync($"/api/chat/conversations/{conversationId}/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return new ConversationEvents(response, reader);
    }

    /// <summary>The next message event matching <paramref name="match"/>, skipping others; fails after <paramref name="timeout"/> (default 20 s).</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var data = string.Empty;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancel.Token) ?? throw new InvalidOperationException("The event stream ended.");
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
            else if (line.Length == 0 && data.Length > 0)
            {
                var message = JsonDocument.Parse(data).RootElement.Clone();
                data = string.Empty;
                if (match(message))
                {
                    return message;
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
