using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Chat;

/// <summary>Bad input to the chat channel gets a clear problem and leaves every dialogue as it was.</summary>
public sealed class ChatBadInputTests(TicketServiceFixture service) : IClassFixture<TicketServiceFixture>
{
    private const string Group = "grp-xyz-01-01";

    private HttpClient NewClient() => service.Factory.CreateSocketClient();

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("   ", "不能为空")]
    [InlineData("\u0000\u0001\u0002binary", "无法识别")]
    public async Task PostMessage_Returns400_ForUnusableText(string text, string reason)
    {
        using var client = NewClient();
        var problem = await PostExpectingAsync(client, Message("r-bad-1", text), HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_Refuses100KilobyteMessages()
    {
        using var client = NewClient();
        using var response = await client.PostAsJsonAsync("/api/chat/messages", Message("r-bad-2", new string('漏', 100 * 1024 / 3)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostMessage_Refuses3000CharacterMessages_WithTheLimit()
    {
        using var client = NewClient();
        var problem = await PostExpectingAsync(client, Message("r-bad-3", new string('漏', 3000)), HttpStatusCode.BadRequest);
        Assert.Contains("2000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"text\": 5}")]
    public async Task PostMessage_Returns400_ForMalformedJson(string body)
    {
        using var client = NewClient();
        using var response = await client.PostAsync("/api/chat/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostMessage_Returns400_ForAnUnknownGroup_AndAnotherResidentsPrivateThread()
    {
        using var client = NewClient();
        var unknown = await PostExpectingAsync(client, Message("r-bad-4", "@百事通 你好") with { conversationId = "grp-nowhere" }, HttpStatusCode.BadRequest);
        Assert.Contains("未登记的群聊", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var intruder = await PostExpectingAsync(client, Message("r-bad-5", "你好") with { conversationId = "dm-someone-else", conversationType = "private" }, HttpStatusCode.BadRequest);
        Assert.Contains("dm-r-bad-5", intruder.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var noType = await PostExpectingAsync(client, Message("r-bad-6", "你好") with { conversationType = "channel" }, HttpStatusCode.BadRequest);
        Assert.Contains("group 或 private", noType.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationEvents_Returns404_ForAnUnknownConversation()
    {
        using var client = NewClient();
        using var response = await client.GetAsync("/api/chat/conversations/dm-never-spoke/events");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BadInput_InTheMiddleOfAForm_LeavesTheFormWhereItWas()
    {
        using var client = NewClient();
        var resident = new ChatUser(client, "r-bad-form", "细心的居民");
        var start = await resident.SayInGroupAsync(Group, "@百事通 3号楼2单元下水道堵了");
        var question = start.TextIn(resident.PrivateThread);

        await PostExpectingAsync(client, Message(resident.SenderId, "") with { conversationId = resident.PrivateThread, conversationType = "private" }, HttpStatusCode.BadRequest);
        using (var response = await client.PostAsync("/api/chat/messages", new StringContent("{\"senderId\":\"r-bad-form\",", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // The form still waits for the same answer.
        Assert.Contains("紧急", question, StringComparison.Ordinal);
        var next = await resident.SayPrivatelyAsync("不急");
        Assert.Contains("电话", next.AllText, StringComparison.Ordinal);
    }

    private static ChatBody Message(string senderId, string text) =>
        new("api", Group, "group", senderId, "测试居民", text, $"{senderId}-{Guid.NewGuid():N}");

    private static async Task<JsonElement> PostExpectingAsync(HttpClient client, ChatBody body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync("/api/chat/messages", body);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private sealed record ChatBody(string channel, string conversationId, string conversationType, string senderId, string senderName, string text, string messageId);
}
