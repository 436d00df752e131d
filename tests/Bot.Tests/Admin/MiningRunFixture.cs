using System.Net;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// A service whose residents asked a stream of ordinary questions with a new insurance product (惠民保) mixed in,
/// mined once through <c>POST /api/admin/mining/run</c>; the run's answer is kept for the tests to read.
/// </summary>
public sealed class MiningRunFixture : IAsyncLifetime
{
    /// <summary>The new word the stream teaches: the seed lexicon does not know it.</summary>
    public const string NewWord = "惠民保";

    private static readonly string[] Stream =
    [
        "惠民保今年怎么参保", "惠民保在哪里买", "惠民保一年交多少钱", "惠民保能报销哪些费用", "老人能不能买惠民保",
        "惠民保理赔需要什么材料", "惠民保什么时候截止投保", "有既往病史能买惠民保吗", "惠民保可以用个人账户支付吗",
        "惠民保报销比例是多少", "孩子可以参加惠民保吗", "惠民保在手机上怎么投保", "惠民保去年买了今年还要续吗",
        "惠民保的保障期限是多久", "外地户口能买惠民保吗", "惠民保理赔多久到账", "惠民保怎么退保",
        "惠民保给全家人买怎么操作", "惠民保有没有等待期", "听说出了个惠民保 靠谱吗",
    ];

    private readonly AdminServiceFixture _service = new();

    public AdminServiceFixture Service => _service;

    public HttpStatusCode RunStatus { get; private set; }

    /// <summary>The body <c>POST /api/admin/mining/run</c> answered.</summary>
    public JsonElement Run { get; private set; }

    public async Task InitializeAsync()
    {
        await _service.InitializeAsync();
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "tests", "data", "devset.jsonl"));
        var stream = lines
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(row => row.GetProperty("expected").ValueKind == JsonValueKind.String)
            .Select(row => row.GetProperty("text").GetString()!)
            .Take(160)
            .ToList();
        for (var i = 0; i < Stream.Length; i++)
        {
            stream.Insert(i * stream.Count / Stream.Length, Stream[i]);
        }

        for (var i = 0; i < stream.Count; i++)
        {
            await new ChatUser(_service.Anonymous, $"mining-api-resident-{i}", "居民").SayPrivatelyAsync(stream[i]);
        }

        using var run = await _service.Admin.PostAsync(AdminApi.Url("api/admin/mining/run"), null);
        RunStatus = run.StatusCode;
        Run = await run.ReadJsonAsync();
    }

    public Task DisposeAsync() => _service.DisposeAsync();
}
