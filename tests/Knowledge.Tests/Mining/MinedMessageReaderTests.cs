using System.Globalization;
using System.Text;
using CitizenBot.Knowledge.Mining;
using CitizenBot.Knowledge.Tests.Content;

namespace CitizenBot.Knowledge.Tests.Mining;

public sealed class MinedMessageReaderTests
{
    private static readonly string[] Lines =
    [
        """{"id":"a1","at":"2026-03-01T09:30:00+08:00","text":"惠民保怎么买"}""",
        """{"id":"a2","at":"2026-03-01T09:30:00\u002B08:00","text":"\u60E0\u6C11\u4FDD\u591A\u5C11\u94B1"}""",
        """{"text":"医保卡丢了","id":42,"at":"2026-03-02T01:02:03Z"}""",
        """{"id":"a4","at":"2026-03-02T01:02:03.1234567-05:30","text":"办证","extra":{"nested":[1,2,{"x":null}]}}""",
        "",
        "   ",
        """{"id":"a7","at":"2026-03-01 09:30:00+08:00","text":"空格分隔的时间"}""",
        """{"id":"a8","at":"2026-03-01T09:30:00","text":"没有时区"}""",
        """{"id":"a9","at":"2026-03-01T09:30:00+08:00","text":"   "}""",
        """{"id":"","at":"2026-03-01T09:30:00+08:00","text":"空编号"}""",
        """{"id":"a11","at":"2026-02-30T09:30:00+08:00","text":"没有这一天"}""",
        """{"id":"a12","at":"2026-03-01T09:30:00+08:00","text":"截断""",
        """{"id":"a13","at":"2026-03-01T09:30:00+08:00","text":"尾巴"} {}""",
        """["not","an","object"]""",
        """{"id":"a15","at":"2026-03-01T09:30:00.5+08:00","text":"半秒"}""",
    ];

    [Fact]
    public async Task ReadAsync_ReturnsWhatTryParseReturnsLineByLine_WhenLinesMixFormatsAndErrors()
    {
        using var folder = new TemporaryDirectory();
        // A byte-order mark and Windows line endings, as some exports write them.
        var path = folder.WriteBytes("messages.jsonl", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(string.Join("\r\n", Lines))]);
        var errors = new List<string>();

        var messages = await MinedMessageReader.ReadAsync(path, errors.Add, CancellationToken.None);

        var expected = new List<MinedMessage>();
        var expectedErrors = new List<string>();
        for (var i = 0; i < Lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(Lines[i]))
            {
                continue;
            }

            if (MinedMessageReader.TryParse(Lines[i], out var message, out var error))
            {
                expected.Add(message);
            }
            else
            {
                expectedErrors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}: {error}"));
            }
        }

        Assert.Equal(expected, messages);
        Assert.Equal(expectedErrors, errors);
        Assert.Equal(["a1", "a2", "42", "a4", "a7", "a15"], messages.Select(m => m.Id));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 2, 3, TimeSpan.FromHours(-5.5)).AddTicks(1_234_567), messages[3].At);
        Assert.Equal(TimeSpan.FromHours(-5.5), messages[3].At.Offset);
        Assert.Equal("惠民保多少钱", messages[1].Text);
    }

    [Fact]
    public async Task ReadAsync_ReportsBadLinesWithTheirLineNumbersInOrder_WhenTheFileSpansManyBlocks()
    {
        using var folder = new TemporaryDirectory();
        var text = new StringBuilder();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        const int Count = 120_000;
        for (var i = 1; i <= Count; i++)
        {
            if (i % 25_000 == 0)
            {
                text.Append("{broken\n");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $$"""{"id":"m{{i}}","at":"{{start.AddSeconds(i):yyyy-MM-ddTHH:mm:sszzz}}","text":"第{{i}}条 社保卡怎么补办 请问一下谢谢"}""").Append('\n');
        }

        var path = folder.WriteText("many.jsonl", text.ToString());
        Assert.True(new FileInfo(path).Length > 3 * (4 << 20), "the file spans several 4 MiB blocks");
        var errors = new List<string>();

        var messages = await MinedMessageReader.ReadAsync(path, errors.Add, CancellationToken.None);

        Assert.Equal(Count - 4, messages.Count);
        Assert.Equal([25_000, 50_000, 75_000, 100_000], errors.Select(e => int.Parse(e[(path.Length + 1)..e.IndexOf(": ", StringComparison.Ordinal)], CultureInfo.InvariantCulture)));
        Assert.Equal("m1", messages[0].Id);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"m{Count}"), messages[^1].Id);
        Assert.Equal(start.AddSeconds(Count), messages[^1].At);
        Assert.True(messages.Zip(messages.Skip(1)).All(p => p.First.At < p.Second.At), "messages keep the file's order");
    }
}
