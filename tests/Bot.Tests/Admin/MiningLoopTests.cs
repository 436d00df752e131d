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
    // A new municipal insurance product the seed base has no entry for: the stream asks about it 22 ways.
    private static readonly string[] Stream =
    [
        "惠民保今年怎么参保", "惠民保在哪里买", "惠民保一年交多少钱", "惠民保能报销哪些费用", "老人能不能买惠民保",
        "惠民保理赔需要什么材料", "惠民保什么时候截止投保", "有既往病史能买惠民保吗", "惠民保可以用个人账户支付吗",
        "惠民保报销比例是多少", "孩子可以参加惠民保吗", "惠民保在手机上怎么投保", "惠民保去年买了今年还要续吗",
        "惠民保的保障期限是多久", "外地户口能买惠民保吗", "惠民保理赔多久到账", "惠民保怎么退保",
        "惠民保给全家人买怎么操作", "惠民保有没有等待期", "听说出了个惠民保 靠谱吗", "惠民保是政府办的吗",
        "惠民保特药目录在哪看",
    ];

    // Asked only before mining (through search, which records nothing) and after the admin accepted the topic.
    private static readonly string[] HeldBack =
    [
        "社区能代办惠民保吗", "惠民保发票怎么开", "惠民保买了以后怎么查保单", "惠民保有年龄限制吗", "惠民保去哪里理赔",
        "惠民保能退钱吗",
    ];

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
        foreach (var question in HeldBack)
        {
            Assert.Equal("abstain", await DecisionAsync(client, question));
        }

        await ReplayAsync(client);

        using var admin = await _factory.SignInAsync(StaffApi.Admin);
        using var run = await admin.PostAsync(new Uri("api/admin/mining/run", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var report = await run.ReadJsonAsync();
        var topics = report.GetProperty("topics").EnumerateArray().ToList();
        Assert.True(topics.Count > 0, $"no topic was mined: {report}");
        var topic = topics[0];
        Assert.All(Strings(topic, "examples"), example => Assert.Contains("惠民保", example, StringComparison.Ordinal));

        var examples = Strings(topic, "examples");
        using var accepted = await admin.PostAsJsonAsync($"api/admin/mining/topics/{topic.Text("id")}/accept", new
        {
            title = "惠民保是什么，怎么参保和理赔？",
            answer = "“惠民保”是本市推出的城市定制型补充医疗保险，由保险公司承保、医保部门指导。\n\n- 参保：在“津医保”公众号或支付宝搜索惠民保投保，可为家人代买。\n- 理赔：出院后在同一入口上传发票和病历。\n- 咨询电话：12345。",
            category = "medical-insurance",
        });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var entry = await accepted.ReadJsonAsync();
        Assert.Equal("published", entry.Text("status"));
        Assert.Equal(examples.Where(e => e != entry.Text("title")).Order(), Strings(entry, "questions").Order());

        foreach (var question in HeldBack)
        {
            var replies = await new ChatUser(client, "loop-after-" + Array.IndexOf(HeldBack, question), "居民").SayPrivatelyAsync(question);
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

    /// <summary>
    /// The stream: every in-scope dev-set question once, each from its own resident in a private thread, with the
    /// new topic's phrasings mixed in, as a week of a district's questions would arrive.
    /// </summary>
    private static async Task ReplayAsync(HttpClient client)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "tests", "data", "devset.jsonl"));
        var ordinary = lines
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(row => row.GetProperty("expected").ValueKind == JsonValueKind.String)
            .Select(row => row.GetProperty("text").GetString()!)
            .Take(240)
            .ToList();
        var stream = new List<string>(ordinary);
        for (var i = 0; i < Stream.Length; i++)
        {
            stream.Insert(i * ordinary.Count / Stream.Length, Stream[i]);
        }

        for (var i = 0; i < stream.Count; i++)
        {
            await new ChatUser(client, $"loop-resident-{i}", "居民").SayPrivatelyAsync(stream[i]);
        }
    }

    private static async Task<string> DecisionAsync(HttpClient client, string question)
    {
        using var response = await client.GetAsync(new Uri("api/knowledge/search?q=" + Uri.EscapeDataString(question), UriKind.Relative));
        return (await response.ReadJsonAsync()).Text("decision");
    }

    private static List<string> Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
