using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// <c>/api/admin/mining</c> over real Kestrel: running mining on what residents asked, the review queue, and the
/// decisions on topics and new words with their errors. The tests share one mined service and decide different
/// things, so none changes what another reads.
/// </summary>
public sealed class AdminMiningApiTests(MiningRunFixture mined) : IClassFixture<MiningRunFixture>
{
    private HttpClient Admin => mined.Service.Admin;

    [Fact]
    public async Task Latest_Answers404_BeforeMiningEverRan()
    {
        using var data = new TempDirectory();
        await using var factory = AdminServiceFixture.CreateFactory(data.Path);
        using var admin = await factory.SignInAsync(StaffApi.Admin);

        using var response = await admin.GetAsync(AdminApi.Url("api/admin/mining/latest"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("尚未挖掘", (await response.ReadJsonAsync()).Text("title"));
    }

    [Fact]
    public async Task Run_AnswersTheQueueWithTermsTopicsAndWhenItWasGenerated()
    {
        Assert.Equal(HttpStatusCode.OK, mined.RunStatus);
        var run = mined.Run;
        Assert.True(run.TryGetProperty("generatedAt", out var generatedAt) && generatedAt.TryGetDateTimeOffset(out _), $"no generatedAt: {run}");
        var terms = run.GetProperty("terms").EnumerateArray().ToList();
        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.True(t.GetProperty("count").GetInt32() > 0 && t.TryGetProperty("rise", out _)));
        Assert.Contains(MiningRunFixture.NewWord, run.GetProperty("newWords").EnumerateArray().Select(t => t.Text("term")));
        var topics = run.GetProperty("topics").EnumerateArray().ToList();
        Assert.NotEmpty(topics);
        Assert.All(topics, t =>
        {
            Assert.False(string.IsNullOrEmpty(t.Text("id")));
            Assert.NotEmpty(t.Strings("examples"));
            Assert.True(t.GetProperty("count").GetInt32() >= t.Strings("examples").Count);
        });

        using var latest = await Admin.GetAsync(AdminApi.Url("api/admin/mining/latest"));
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal(generatedAt.GetDateTimeOffset(), (await latest.ReadJsonAsync()).GetProperty("generatedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("attach")]
    [InlineData("dismiss")]
    public async Task TopicDecision_Answers404_ForAnUnknownTopic(string action)
    {
        using var response = await Admin.PostAsJsonAsync($"api/admin/mining/topics/no-such-topic/{action}", new
        {
            title = "不存在的话题？",
            answer = "不存在。",
            category = "grid",
            entryId = "heating-01",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("未找到该话题", (await response.ReadJsonAsync()).Text("title"));
    }

    [Fact]
    public async Task Attach_Answers400ForEntryId_WhenNoEntryIsNamed()
    {
        // The request is checked before the topic is looked up: an unknown topic with no entry is still a 400.
        using var response = await Admin.PostAsJsonAsync("api/admin/mining/topics/no-such-topic/attach", new { entryId = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors("entryId"));
    }

    [Fact]
    public async Task DismissTopic_Answers204AndTakesItOutOfTheQueue_ThenDecisionsOnItAnswer404()
    {
        var topics = mined.Run.GetProperty("topics").EnumerateArray().Select(t => t.Text("id")).ToList();
        var topic = topics[0];

        // An accept the curator refuses decides nothing: the topic stays to be decided.
        using var invalid = await Admin.PostAsJsonAsync($"api/admin/mining/topics/{topic}/accept", new { title = "", answer = "回答。", category = "medical-insurance" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotEmpty((await invalid.ReadJsonAsync()).ValidationErrors("title"));
        Assert.Contains(topic, await QueueTopicsAsync());

        using var dismissed = await Admin.PostAsync(AdminApi.Url($"api/admin/mining/topics/{topic}/dismiss"), null);
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.DoesNotContain(topic, await QueueTopicsAsync());

        using var again = await Admin.PostAsync(AdminApi.Url($"api/admin/mining/topics/{topic}/dismiss"), null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var accept = await Admin.PostAsJsonAsync($"api/admin/mining/topics/{topic}/accept", new { title = "惠民保怎么买？", answer = "在津医保公众号投保。", category = "medical-insurance" });
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
    }

    [Fact]
    public async Task AttachTopic_AddsItsExamplesToTheEntry_AndDecidesIt_ButNotForAnUnknownEntry()
    {
        // A service of its own: this decides the stream's topic, which the dismiss test needs undecided.
        var other = new MiningRunFixture();
        await other.InitializeAsync();
        try
        {
            var admin = other.Service.Admin;
            var topic = other.Run.GetProperty("topics")[0];
            var id = topic.Text("id");

            using var unknown = await admin.PostAsJsonAsync($"api/admin/mining/topics/{id}/attach", new { entryId = "no-such-entry" });
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("未找到该条目", (await unknown.ReadJsonAsync()).Text("title"));

            using var attached = await admin.PostAsJsonAsync($"api/admin/mining/topics/{id}/attach", new { entryId = "medical-insurance-01" });
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
            var entry = await attached.ReadJsonAsync();
            Assert.Equal("medical-insurance-01", entry.Text("id"));
            Assert.Subset(entry.Strings("questions").ToHashSet(), topic.Strings("examples").ToHashSet());
            Assert.Equal(2, entry.GetProperty("revision").GetInt32());

            using var history = await admin.GetAsync(AdminApi.Url("api/admin/entries/medical-insurance-01/revisions"));
            Assert.Equal("questions-added", (await history.ReadJsonAsync())[0].Text("action"));
            using var latest = await admin.GetAsync(AdminApi.Url("api/admin/mining/latest"));
            Assert.DoesNotContain(id, (await latest.ReadJsonAsync()).GetProperty("topics").EnumerateArray().Select(t => t.Text("id")));
            using var again = await admin.PostAsJsonAsync($"api/admin/mining/topics/{id}/attach", new { entryId = "medical-insurance-01" });
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task AcceptTerm_GrowsTheLexicon_TakesTheWordOutOfTheQueue_AndExportsIt()
    {
        using var accepted = await Admin.PostAsJsonAsync("api/admin/mining/terms/accept", new { term = MiningRunFixture.NewWord });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.ReadJsonAsync();
        Assert.Equal(MiningRunFixture.NewWord, body.Text("term"));
        Assert.True(body.GetProperty("lexiconSize").GetInt32() > 0);

        using var latest = await Admin.GetAsync(AdminApi.Url("api/admin/mining/latest"));
        var queue = await latest.ReadJsonAsync();
        Assert.DoesNotContain(MiningRunFixture.NewWord, queue.GetProperty("newWords").EnumerateArray().Select(t => t.Text("term")));
        Assert.DoesNotContain(MiningRunFixture.NewWord, queue.GetProperty("terms").EnumerateArray().Select(t => t.Text("term")));

        using var again = await Admin.PostAsJsonAsync("api/admin/mining/terms/accept", new { term = MiningRunFixture.NewWord });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal([$"“{MiningRunFixture.NewWord}”已在词库中。"], (await again.ReadJsonAsync()).ValidationErrors("term"));

        using var export = await Admin.GetAsync(AdminApi.Url("api/admin/export"));
        using var zip = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        using var lexicon = new StreamReader(await zip.GetEntry("lexicon.txt")!.OpenAsync(), Encoding.UTF8);
        var words = (await lexicon.ReadToEndAsync()).Split('\n').Select(l => l.Trim().Split(' ', '\t')[0]);
        Assert.Contains(MiningRunFixture.NewWord, words);
    }

    [Theory]
    [InlineData("惠", "term")]
    [InlineData("hmb", "term")]
    public async Task AcceptTerm_Answers400ForTerm_WhenItIsNotTwoToEightHanCharacters(string term, string field)
    {
        using var response = await Admin.PostAsJsonAsync("api/admin/mining/terms/accept", new { term });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors(field));
    }

    [Theory]
    [InlineData("保")]
    [InlineData("")]
    [InlineData("津门惠民医疗互助会")]
    public async Task Synonym_Answers400ForOf_WhenTheExistingTermIsMalformed(string of)
    {
        using var response = await Admin.PostAsJsonAsync("api/admin/mining/terms/synonym", new { term = "津惠保", of });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors("of"));
    }

    [Fact]
    public async Task Synonym_Answers400ForOf_WhenTheLexiconDoesNotKnowTheExistingTerm()
    {
        using var response = await Admin.PostAsJsonAsync("api/admin/mining/terms/synonym", new { term = "红桥通卡", of = "甲乙丙丁" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["“甲乙丙丁”不在词库中，请选择词库里已有的词。"], (await response.ReadJsonAsync()).ValidationErrors("of"));
        using var accepted = await Admin.PostAsJsonAsync("api/admin/mining/terms/accept", new { term = "红桥通卡" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Synonym_Answers200_AndTheTermIsThenDecided()
    {
        using var response = await Admin.PostAsJsonAsync("api/admin/mining/terms/synonym", new { term = "医保卡片", of = "医保卡" });

        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"synonym answered {(int)response.StatusCode}: {body}");
        Assert.Equal(("医保卡片", "医保卡"), (body.Text("term"), body.Text("of")));

        using var again = await Admin.PostAsJsonAsync("api/admin/mining/terms/accept", new { term = "医保卡片" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task DismissTerm_Answers204_ThenRefusesTheSameTermAgain()
    {
        using var dismissed = await Admin.PostAsJsonAsync("api/admin/mining/terms/dismiss", new { term = "社区通" });
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);

        using var again = await Admin.PostAsJsonAsync("api/admin/mining/terms/dismiss", new { term = "社区通" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["“社区通”已经审核过了。"], (await again.ReadJsonAsync()).ValidationErrors("term"));
    }

    private async Task<List<string>> QueueTopicsAsync()
    {
        using var latest = await Admin.GetAsync(AdminApi.Url("api/admin/mining/latest"));
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        return [.. (await latest.ReadJsonAsync()).GetProperty("topics").EnumerateArray().Select(t => t.Text("id"))];
    }
}
