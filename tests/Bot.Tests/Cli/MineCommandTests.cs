using System.Globalization;
using System.Text;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Cli;

/// <summary>The <c>mine</c> command run as a child process on a temporary history file.</summary>
public sealed class MineCommandTests : IDisposable
{
    private static readonly DateTimeOffset Newest = new(2026, 3, 31, 18, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] NewTopic =
    [
        "惠民保今年怎么参保", "惠民保在哪里买", "惠民保一年交多少钱", "惠民保能报销哪些费用", "老人能不能买惠民保",
        "惠民保理赔需要什么材料", "惠民保什么时候截止投保", "孩子可以参加惠民保吗", "惠民保在手机上怎么投保", "惠民保怎么退保",
    ];

    private static readonly string[] Ordinary =
    [
        "暖气不热找谁", "今年什么时候开始供暖", "居住证怎么办理", "电梯坏了打哪个电话", "低保怎么申请", "垃圾分类几点收",
        "公积金怎么提取", "医保卡丢了怎么补办", "小区停车位怎么收费", "老人助餐点在哪里",
    ];

    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Mine_WritesTermsAndTopicsWithMessageIdsAndSkipsBadLines_WhenGivenAHistoryFile()
    {
        var lines = new StringBuilder();
        var n = 0;
        for (var round = 0; round < 30; round++)
        {
            foreach (var text in Ordinary)
            {
                lines.AppendLine(Line($"o{n}", Newest.AddDays(-(n * 7 % 60)).AddMinutes(-n), text));
                n++;
            }
        }

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < NewTopic.Length; i++)
            {
                lines.AppendLine(Line($"new{round}-{i}", Newest.AddDays(-((round * 7) + i)), NewTopic[i]));
            }
        }

        lines.AppendLine("{\"id\":\"broken\",\"at\":");
        lines.AppendLine("{\"id\":\"no-offset\",\"at\":\"2026-03-01T09:00:00\",\"text\":\"暖气不热\"}");
        var input = _root.WriteFile("messages.jsonl", lines.ToString());
        var dataDirectory = _root.Combine("data");

        var result = await BotCli.RunAsync(_root.Path, dataDirectory, "mine", "--input", "messages.jsonl", "--recent-days", "30", "--out", "report.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^messages\.jsonl:331: not valid JSON", result.StandardError);
        Assert.Matches(@"(?m)^messages\.jsonl:332: ""at"" must be an ISO 8601 time with an offset", result.StandardError);
        Assert.Contains("peak working set", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataDirectory), "mine must not create or touch the service's data");

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(_root.Combine("report.json")));
        var root = report.RootElement;
        var term = root.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("term").GetString() == "惠民保");
        Assert.Equal(30, term.GetProperty("count").GetInt32());
        Assert.True(term.GetProperty("rise").GetDouble() > 1);
        Assert.True(term.GetProperty("isNew").GetBoolean());
        var topic = root.GetProperty("topics")[0];
        Assert.Contains("惠民保", topic.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("topic-", topic.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.InRange(topic.GetProperty("examples").GetArrayLength(), 1, 5);
        Assert.Equal(3, topic.GetProperty("closestEntries").GetArrayLength());
        var ids = topic.GetProperty("message_ids").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.True(ids.Length >= 25, $"{ids.Length} of 30 questions in the topic");
        Assert.All(ids, id => Assert.StartsWith("new", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mine_FailsWithAMessage_WhenTheInputFileDoesNotExist()
    {
        var result = await BotCli.RunAsync(_root.Path, _root.Combine("data"), "mine", "--input", "missing.jsonl");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("missing.jsonl: file not found.", result.StandardError, StringComparison.Ordinal);
    }

    private static string Line(string id, DateTimeOffset at, string text) =>
        JsonSerializer.Serialize(new { id, at = at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), text });
}
