using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// The whole loop of issue 5 over real Kestrel and real files: residents ask the bot about something the base does
/// not cover among ordinary questions, mining finds the topic, an admin accepts it as an entry through the API, and
/// questions on the topic that were held back from the stream go from abstain to answer.
/// </summary>
public sealed class MiningLoopTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly BotApplicationFactory _factory;

    public MiningLoopTests()
    {
        _factory = new BotApplicationFactory(_data.Path, new Dictionary<string, string> { ["Mining:ScheduleEnabled"] = "false" });
    }

    [Fact]
    public async Task AcceptedTopic_TurnsHeldBackQuestionsFromAbstainToAnswer()
    {
        using var client = _factory.CreateSocketClient();
        foreach (var question in NewTopicStream.HeldBack)
        {
            Assert.Equal("abstain", await DecisionAsync(client, question));
        }

        await NewTopicStream.ReplayAsync(client, "loop-resident");

        using var admin = await _factory.SignInAsync(StaffApi.Admin);
        using var run = await admin.PostAsync(new Uri("api/admin/mining/run", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var report = await run.ReadJsonAsync();
        var topics = report.GetProperty("topics").EnumerateArray().ToList();
        Assert.True(topics.Count > 0, $"no topic was mined: {report}");
        var topic = topics[0];
        Assert.All(Strings(topic, "examples"), example => Assert.Contains(NewTopicStream.Word, example, StringComparison.Ordinal));

        var examples = Strings(topic, "examples");
        using var accepted = await admin.PostAsJsonAsync($"api/admin/mining/topics/{topic.Text("id")}/accept", new
        {
            title = NewTopicStream.AcceptedTitle,
            answer = NewTopicStream.AcceptedAnswer,
            category = NewTopicStream.AcceptedCategory,
        });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var entry = await accepted.ReadJsonAsync();
        Assert.Equal("published", entry.Text("status"));
        Assert.Equal(examples.Where(e => e != entry.Text("title")).Order(), Strings(entry, "questions").Order());

        for (var i = 0; i < NewTopicStream.HeldBack.Count; i++)
        {
            var question = NewTopicStream.HeldBack[i];
            var replies = await new ChatUser(client, $"loop-after-{i}", "居民").SayPrivatelyAsync(question);
            Assert.True(entry.Text("id") == replies.EntryId, $"“{question}” was not answered with the new entry: {replies}");
        }

        using var queue = await admin.GetAsync(new Uri("api/admin/mining/latest", UriKind.Relative));
        var left = (await queue.ReadJsonAsync()).GetProperty("topics").EnumerateArray().Select(t => t.Text("id"));
        Assert.DoesNotContain(topic.Text("id"), left);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }

    private static async Task<string> DecisionAsync(HttpClient client, string question)
    {
        using var response = await client.GetAsync(new Uri("api/knowledge/search?q=" + Uri.EscapeDataString(question), UriKind.Relative));
        return (await response.ReadJsonAsync()).Text("decision");
    }

    private static List<string> Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
