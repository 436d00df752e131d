using System.Net;
using System.Text;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Knowledge;

/// <summary>
/// <c>/api/knowledge</c> on the real service: Kestrel on a loopback socket, a SQLite index in a temporary data
/// directory, seeded from the repository's knowledge base.
/// </summary>
public sealed class KnowledgeEndpointsTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    private const string HeatingEntryId = "heating-01";
    private const string HeatingEntryTitle = "家里暖气不热怎么报修？";
    private const string ProblemJson = "application/problem+json";

    private static readonly string[] Decisions = ["answer", "clarify", "abstain"];

    private HttpClient Client => service.Client;

    [Fact]
    public async Task Search_AnswersWithHeating01AndItsAnswerText_WhenTheQuestionIsAClearHeatingQuestion()
    {
        const string question = "家里暖气不热怎么办";

        using var response = await Client.GetAsync(BotHttp.Search(question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(question, body.GetProperty("query").GetString());
        Assert.Equal("answer", body.GetProperty("decision").GetString());
        Assert.Equal(HeatingEntryId, body.GetProperty("hits")[0].GetProperty("entryId").GetString());
        Assert.Empty(body.GetProperty("choices").EnumerateArray());

        var answer = body.GetProperty("answer");
        Assert.Equal(HeatingEntryId, answer.GetProperty("id").GetString());
        Assert.Equal(HeatingEntryTitle, answer.GetProperty("title").GetString());
        Assert.Equal("heating", answer.GetProperty("category").GetString());
        Assert.Equal("published", answer.GetProperty("status").GetString());
        Assert.Equal(SeedAnswerText(HeatingEntryId), answer.GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData("家里暖气不热怎么办")]
    [InlineData("物业不管事去哪投诉")]
    [InlineData("暖气")]
    [InlineData("怎么办")]
    [InlineData("今天天气怎么样")]
    public async Task Search_ReturnsCalibratedConfidencesBetweenZeroAndOne_ForAnyQuestion(string question)
    {
        using var response = await Client.GetAsync(BotHttp.Search(question, k: 10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var confidence = body.GetProperty("confidence").GetDouble();
        Assert.InRange(confidence, 0.0, 1.0);
        Assert.Contains(body.GetProperty("decision").GetString(), Decisions);

        var hits = body.GetProperty("hits").EnumerateArray().ToArray();
        Assert.InRange(hits.Length, 0, 10);
        foreach (var hit in hits)
        {
            Assert.False(string.IsNullOrEmpty(hit.GetProperty("entryId").GetString()));
            Assert.False(string.IsNullOrEmpty(hit.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrEmpty(hit.GetProperty("category").GetString()));
            Assert.InRange(hit.GetProperty("score").GetDouble(), 0.0, 1.0);
            Assert.InRange(hit.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        }

        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        if (hits.Length > 0)
        {
            // The decision's confidence is the top hit's calibrated probability.
            Assert.Equal(hits[0].GetProperty("confidence").GetDouble(), confidence);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   \t  ")]
    [InlineData("\u3000\u3000")]
    public async Task Search_ReturnsBadRequestProblemAboutQ_WhenQueryIsEmptyOrWhitespace(string question)
    {
        using var response = await Client.GetAsync(BotHttp.Search(question));

        await AssertValidationProblemAsync(response, "q");
    }

    [Fact]
    public async Task Search_ReturnsBadRequestProblemAboutQ_WhenQueryIsMissing()
    {
        using var response = await Client.GetAsync(new Uri("api/knowledge/search", UriKind.Relative));

        await AssertValidationProblemAsync(response, "q");
    }

    [Fact]
    public async Task Search_ReturnsBadRequestSayingTheLimit_WhenQueryIsOneCharacterOverMaxQueryLength()
    {
        using var response = await Client.GetAsync(BotHttp.Search(new string('a', 1001)));

        var messages = await AssertValidationProblemAsync(response, "q");
        Assert.Contains(messages, m => m.Contains("1000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_Succeeds_WhenAChineseQueryIsExactlyMaxQueryLengthCharacters()
    {
        // 1000 Chinese characters are allowed, and percent-encoded they make a request line of about 9 KB.
        var question = Repeat("家里暖气不热怎么办？", totalChars: 1000);
        Assert.Equal(1000, question.Length);

        using var response = await Client.GetAsync(BotHttp.Search(question));

        AssertReachedTheEndpoint(response, HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        Assert.Contains(body.GetProperty("decision").GetString(), Decisions);
    }

    [Fact]
    public async Task Search_ReturnsBadRequestWithAClearMessage_WhenQueryIs100KB_AndTheServiceStillAnswersTheNextQuery()
    {
        // About 100 KB of UTF-8 text (~34,000 characters); percent-encoded, a request line of ~300 KB.
        var question = Repeat("暖气不热怎么办，", totalChars: 100 * 1024 / 3);
        Assert.InRange(Encoding.UTF8.GetByteCount(question), 100 * 1024 - 3, 100 * 1024);

        using (var response = await Client.GetAsync(BotHttp.Search(question)))
        {
            AssertReachedTheEndpoint(response, HttpStatusCode.BadRequest);
            var messages = await AssertValidationProblemAsync(response, "q");
            Assert.Contains(messages, m => m.Contains("太长", StringComparison.Ordinal) && m.Contains("1000", StringComparison.Ordinal));
        }

        using var next = await Client.GetAsync(BotHttp.Search("家里暖气不热怎么办"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var body = await next.ReadJsonAsync();
        Assert.Equal("answer", body.GetProperty("decision").GetString());
        Assert.Equal(HeatingEntryId, body.GetProperty("answer").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("\" * ( ) NEAR OR - ' ; DROP TABLE entries; --")]
    [InlineData("'; DROP TABLE entries; --")]
    [InlineData("\"暖气不热")]
    [InlineData("暖气\"不热\"\"")]
    [InlineData("\"\"\"")]
    [InlineData("'")]
    [InlineData("*")]
    [InlineData("暖气* OR 物业*")]
    [InlineData("NEAR(暖气 不热, 2)")]
    [InlineData("暖气 AND 不热 NOT 物业")]
    [InlineData("(暖气")]
    [InlineData("title:暖气 ^物业")]
    [InlineData("{title questions}: 暖气")]
    [InlineData("暖气 + - 不热 ) (")]
    [InlineData("1=1 OR 'a'='a'")]
    [InlineData("%_\\ 暖气")]
    public async Task Search_ReturnsOkWithAValidDecision_WhenQueryContainsFtsOrSqlSyntax(string question)
    {
        using var response = await Client.GetAsync(BotHttp.Search(question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(question, body.GetProperty("query").GetString());
        Assert.Contains(body.GetProperty("decision").GetString(), Decisions);
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0.0, 1.0);

        // Nothing was dropped or damaged.
        using var entry = await Client.GetAsync(BotHttp.Entry(HeatingEntryId));
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        using var health = await Client.GetAsync(BotHttp.Health);
        Assert.Equal(RepositoryPaths.PublishedSeedEntryCount(), (await health.ReadJsonAsync()).GetProperty("searchableEntries").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-1)]
    public async Task Search_ReturnsBadRequestProblemAboutK_WhenKIsOutside1To20(int k)
    {
        using var response = await Client.GetAsync(BotHttp.Search("家里暖气不热怎么办", k));

        await AssertValidationProblemAsync(response, "k");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task Search_ReturnsAtMostKHits_WhenKIsWithin1To20(int k)
    {
        using var response = await Client.GetAsync(BotHttp.Search("暖气 物业 社保 医保", k));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hits = (await response.ReadJsonAsync()).GetProperty("hits").GetArrayLength();
        Assert.InRange(hits, 1, k);
    }

    [Fact]
    public async Task Search_FindsHeating01_WhenTheQuestionIsInTraditionalCharacters()
    {
        using var response = await Client.GetAsync(BotHttp.Search("暖氣不熱怎麼辦"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(HeatingEntryId, body.GetProperty("hits")[0].GetProperty("entryId").GetString());
        Assert.Equal("answer", body.GetProperty("decision").GetString());
        Assert.Equal(HeatingEntryId, body.GetProperty("answer").GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetEntry_ReturnsHeating01WithItsTitleAndFields()
    {
        using var response = await Client.GetAsync(BotHttp.Entry(HeatingEntryId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await response.ReadJsonAsync();
        Assert.Equal(HeatingEntryId, entry.GetProperty("id").GetString());
        Assert.Equal(HeatingEntryTitle, entry.GetProperty("title").GetString());
        Assert.Equal("heating", entry.GetProperty("category").GetString());
        Assert.Equal("供热单位", entry.GetProperty("department").GetString());
        Assert.Equal("《天津市供热用热条例》", entry.GetProperty("source").GetString());
        Assert.Equal("2026-10-20", entry.GetProperty("updated").GetString());
        Assert.Equal("published", entry.GetProperty("status").GetString());
        Assert.Contains("暖气温度不达标找谁", entry.GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
        Assert.Contains("暖气", entry.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(SeedAnswerText(HeatingEntryId), entry.GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData("no-such-entry")]
    [InlineData("HEATING-01")]
    [InlineData("heating-01'; DROP TABLE entries; --")]
    public async Task GetEntry_ReturnsNotFoundProblem_WhenIdIsUnknown(string id)
    {
        using var response = await Client.GetAsync(BotHttp.Entry(id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_AnswersTheSameAfterARestart_WithoutReimporting()
    {
        using var data = new TempDirectory();
        int searchableBefore;
        await using (var first = new BotApplicationFactory(data.Path))
        {
            using var client = first.CreateSocketClient();
            searchableBefore = await SearchableEntriesAsync(client);
            Assert.Equal(RepositoryPaths.PublishedSeedEntryCount(), searchableBefore);
            await AssertAnswersHeatingQuestionAsync(client);
        }

        Assert.True(File.Exists(Path.Combine(data.Path, "knowledge.db")), "the index lives in the configured data directory");

        // With import on first start turned off, whatever is searchable now was read back from the SQLite file.
        var noImport = new Dictionary<string, string> { ["Knowledge:ImportOnFirstStart"] = "false" };
        await using (var second = new BotApplicationFactory(data.Path, noImport))
        {
            using var client = second.CreateSocketClient();
            Assert.Equal(searchableBefore, await SearchableEntriesAsync(client));
            await AssertAnswersHeatingQuestionAsync(client);
        }
    }

    private static async Task<int> SearchableEntriesAsync(HttpClient client)
    {
        using var response = await client.GetAsync(BotHttp.Health);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("searchableEntries").GetInt32();
    }

    private static async Task AssertAnswersHeatingQuestionAsync(HttpClient client)
    {
        using var response = await client.GetAsync(BotHttp.Search("家里暖气不热怎么办"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("answer", body.GetProperty("decision").GetString());
        Assert.Equal(HeatingEntryId, body.GetProperty("answer").GetProperty("id").GetString());
        Assert.Equal(SeedAnswerText(HeatingEntryId), body.GetProperty("answer").GetProperty("answer").GetString());
    }

    /// <summary>Checks a 400 validation problem naming <paramref name="field"/> and returns its messages for it.</summary>
    private static async Task<IReadOnlyList<string>> AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var messages = problem.ValidationErrors(field);
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        return messages;
    }

    /// <summary>Fails with the reason when Kestrel refused the request before the endpoint saw it.</summary>
    private static void AssertReachedTheEndpoint(HttpResponseMessage response, HttpStatusCode expected) =>
        Assert.True(
            response.StatusCode == expected,
            $"expected {(int)expected} {expected} from the endpoint, got {(int)response.StatusCode} {response.StatusCode}"
            + (response.StatusCode == HttpStatusCode.RequestUriTooLong
                ? ": Kestrel refused the request line (Limits.MaxRequestLineSize) before the endpoint saw it"
                : ""));

    private static string Repeat(string phrase, int totalChars)
    {
        var sb = new StringBuilder(totalChars + phrase.Length);
        while (sb.Length < totalChars)
        {
            sb.Append(phrase);
        }

        return sb.ToString(0, totalChars);
    }

    /// <summary>The Markdown body of a seed entry file, as the service stores it (LF line ends, no trailing line break).</summary>
    private static string SeedAnswerText(string id)
    {
        var file = RepositoryPaths.SeedEntryFiles().Single(f => Path.GetFileNameWithoutExtension(f) == id);
        var lines = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var closing = Array.IndexOf(lines, "---", 1);
        return string.Join('\n', lines[(closing + 1)..]).Trim(' ', '\t', '\r', '\n', '\f', '\v');
    }
}
