using System.Globalization;
using System.Text;
using System.Text.Json;
using CitizenBot.Knowledge.Mining;

namespace CitizenBot.Benchmarks;

/// <summary>
/// The <c>mine-bench</c> stream over 60 days ending at <see cref="End"/>: ordinary questions (the dev set's texts
/// with chat variations and random place names, so the n-gram counters see real variety), planted new topics
/// (a word the lexicon lacks, asked 30 ways, only in the recent 30 days, spread over three weeks), rising topics
/// (asked in both windows, four times as often recently) and one-day incident bursts.
/// </summary>
internal sealed class MiningBenchStream
{
    public static readonly DateTimeOffset End = new(2026, 3, 31, 20, 0, 0, TimeSpan.FromHours(8));

    public static readonly string[] NewTopicWords = ["惠民保", "长护险", "焕新券", "津贴卡"];
    public static readonly string[] RisingWords = ["高温补贴", "核酸"];
    public static readonly string[] BurstWords = ["爆管", "断网", "冒黑烟"];

    /// <summary>Share of all messages each planted topic gets (new and burst; a rising topic gets it in the recent window).</summary>
    public const double PlantedShare = 0.004;

    private static readonly string[] TopicTemplates =
    [
        "{0}今年怎么办理", "{0}在哪里申请", "{0}一年要交多少钱", "{0}能报销哪些", "老人能不能办{0}", "{0}和医保有什么区别",
        "{0}需要什么材料", "{0}什么时候截止", "外地户口能申请{0}吗", "{0}可以网上办吗", "{0}比例是多少", "孩子可以办{0}吗",
        "{0}在手机上怎么弄", "{0}去年办了今年还要续吗", "{0}的期限是多久", "{0}门诊能用吗", "{0}多久到账", "{0}怎么退",
        "{0}给全家人办怎么操作", "{0}有没有等待期", "听说出了个{0} 靠谱吗", "{0}是政府办的吗", "{0}目录在哪看",
        "{0}起付线是多少", "社区能代办{0}吗", "{0}发票怎么开", "{0}办了以后怎么查", "{0}住院能用多少", "{0}和商业保险冲突吗",
        "{0}找哪个部门",
    ];

    private static readonly string[] BurstTemplates =
    [
        "{1}{0}了 谁来管", "{1}那边{0}了有人管吗", "{1}又{0}了 急死了", "{1}{0}多久能好", "{1}{0} 物业说不归他们管",
        "{1}{0}了 报修电话打不通", "{1}{0}现场有人处理吗", "{1}{0}了 老人孩子怎么办",
    ];

    private static readonly string[] Prefixes = ["", "", "请问", "@百事通 ", "你好，", "问一下 "];
    private static readonly string[] Suffixes = ["", "", "？", "谢谢", " 急", "。。"];

    private readonly string[] _ordinary;
    private readonly char[] _placeChars;

    private MiningBenchStream(string[] ordinary)
    {
        _ordinary = ordinary;
        _placeChars = [.. ordinary.SelectMany(t => t).Where(c => c is >= '\u4e00' and <= '\u9fff').Distinct().Order()];
    }

    public static async Task<MiningBenchStream> LoadAsync(string devSet, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(devSet, cancellationToken))
        {
            if (line.Length > 0)
            {
                texts.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);
            }
        }

        return new MiningBenchStream([.. texts]);
    }

    /// <summary>Writes <paramref name="count"/> messages as JSON Lines (the <c>mine</c> input format).</summary>
    public async Task WriteAsync(string path, int count, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var message in Generate(count))
        {
            var line = JsonSerializer.Serialize(new { id = message.Id, at = message.At.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), text = message.Text });
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    public IEnumerable<MinedMessage> Generate(int count)
    {
        var random = new Random(count);
        var planted = Math.Max(30, (int)(count * PlantedShare));
        var id = 0;
        string Id(string kind) => string.Create(CultureInfo.InvariantCulture, $"{kind}-{id++}");
        DateTimeOffset Within(int days) => End.AddSeconds(-random.Next(days * 24 * 3600));

        foreach (var word in NewTopicWords)
        {
            for (var i = 0; i < planted; i++)
            {
                yield return new MinedMessage(Id("new"), Within(21), Vary(random, string.Format(CultureInfo.InvariantCulture, TopicTemplates[i % TopicTemplates.Length], word)));
            }
        }

        foreach (var word in RisingWords)
        {
            // Four times as many in the recent window as in the previous one.
            for (var i = 0; i < planted + (planted / 4); i++)
            {
                var at = i < planted ? Within(30) : End.AddDays(-30).AddSeconds(-random.Next(30 * 24 * 3600));
                yield return new MinedMessage(Id("rising"), at, Vary(random, string.Format(CultureInfo.InvariantCulture, TopicTemplates[i % TopicTemplates.Length], word)));
            }
        }

        for (var b = 0; b < BurstWords.Length; b++)
        {
            var day = End.AddDays(-5 - (7 * b)).Date;
            for (var i = 0; i < planted; i++)
            {
                var at = new DateTimeOffset(day, End.Offset).AddHours(7).AddSeconds(random.Next(14 * 3600));
                var text = string.Format(CultureInfo.InvariantCulture, BurstTemplates[i % BurstTemplates.Length], BurstWords[b], Place(random));
                yield return new MinedMessage(Id("burst"), at, Vary(random, text));
            }
        }

        var ordinary = count - (planted * (NewTopicWords.Length + BurstWords.Length)) - ((planted + (planted / 4)) * RisingWords.Length);
        for (var i = 0; i < ordinary; i++)
        {
            var text = _ordinary[random.Next(_ordinary.Length)];
            if (random.Next(2) == 0)
            {
                text = Place(random) + random.Next(1, 30).ToString(CultureInfo.InvariantCulture) + "号楼 " + text;
            }

            yield return new MinedMessage(Id("ordinary"), Within(60), Vary(random, text));
        }
    }

    private static string Vary(Random random, string text) =>
        Prefixes[random.Next(Prefixes.Length)] + text + Suffixes[random.Next(Suffixes.Length)];

    private string Place(Random random)
    {
        Span<char> place = stackalloc char[3];
        var length = random.Next(2, 4);
        for (var i = 0; i < length; i++)
        {
            place[i] = _placeChars[random.Next(_placeChars.Length)];
        }

        return new string(place[..length]);
    }
}
