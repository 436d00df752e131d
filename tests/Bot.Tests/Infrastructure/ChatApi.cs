using System.Net.Http.Json;
using System.Text.Json;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>A resident (or worker) talking to the bot through <c>POST /api/chat/messages</c>.</summary>
public sealed class ChatUser(HttpClient client, string senderId, string name, string channel = "api")
{
    private static int _sequence;

    public string SenderId { get; } = senderId;

    public string Name { get; } = name;

    public string Channel { get; } = channel;

    public string PrivateThread => "dm-" + SenderId;

    /// <summary>Says <paramref name="text"/> in <paramref name="groupId"/>; returns the bot's replies.</summary>
    public Task<ChatReplies> SayInGroupAsync(string groupId, string text, string? messageId = null) =>
        PostAsync(groupId, "group", text, messageId);

    /// <summary>Says <paramref name="text"/> in the resident's private thread with the bot.</summary>
    public Task<ChatReplies> SayPrivatelyAsync(string text, string? messageId = null) =>
        PostAsync(PrivateThread, "private", text, messageId);

    public Task<HttpResponseMessage> PostRawAsync(object body) => client.PostAsJsonAsync("/api/chat/messages", body);

    private async Task<ChatReplies> PostAsync(string conversationId, string type, string text, string? messageId)
    {
        var id = messageId ?? $"{SenderId}-{Interlocked.Increment(ref _sequence)}";
        using var response = await client.PostAsJsonAsync("/api/chat/messages", new
        {
            channel = Channel,
            conversationId,
            conversationType = type,
            senderId = SenderId,
            senderName = Name,
            text,
            messageId = id,
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/chat/messages answered {(int)response.StatusCode}: {body}");
        }

        return new ChatReplies(JsonDocument.Parse(body).RootElement.Clone());
    }
}

/// <summary>The body of a chat answer, with helpers to read it.</summary>
public sealed class ChatReplies(JsonElement body)
{
    public bool Duplicate => body.GetProperty("duplicate").GetBoolean();

    public IReadOnlyList<JsonElement> All => [.. body.GetProperty("replies").EnumerateArray()];

    public IReadOnlyList<JsonElement> In(string conversationId) =>
        [.. All.Where(r => r.GetProperty("conversationId").GetString() == conversationId)];

    /// <summary>All reply texts in <paramref name="conversationId"/>, joined by newlines.</summary>
    public string TextIn(string conversationId) => string.Join("\n", In(conversationId).Select(r => r.GetProperty("text").GetString()));

    public string AllText => string.Join("\n", All.Select(r => r.GetProperty("text").GetString()));

    public string? TicketNumber => All.Select(r => r.GetProperty("ticketNumber")).Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()).LastOrDefault();

    public string? EntryId => All.Select(r => r.GetProperty("entryId")).Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()).FirstOrDefault();

    public IReadOnlyList<string> Choices(string conversationId) =>
        [.. In(conversationId).SelectMany(r => r.GetProperty("choices").EnumerateArray()).Select(c => c.GetProperty("reply").GetString()!)];

    public override string ToString() => body.ToString();
}
