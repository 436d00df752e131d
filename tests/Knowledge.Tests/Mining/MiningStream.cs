using System.Globalization;
using System.Text.Json;
using CitizenBot.Knowledge.Mining;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Mining;

/// <summary>
/// Builds a synthetic message history: ordinary questions (the dev set's texts with chat variations) spread over 60
/// days, a new topic asked 30 different ways over the last three weeks, and a one-day incident burst.
/// </summary>
internal sealed class MiningStream
{
    /// <summary>The newest message's time: the end of the recent window.</summary>
    public static readonly DateTimeOffset End = new(2026, 3, 31, 20, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A new policy word the seed lexicon does not know, asked 30 ways.</summary>
    public const string NewTopicWord = "惠民保";

    public static readonly string[] NewTopic =
    [
        "惠民保今年怎么参保", "惠民保在哪里买", "惠民保一年交多少钱", "惠民保能报销哪些费用", "老人能不能买惠民保",
        "惠民保和医保有什么区别", "惠民保理赔需要什么材料", "惠民保什么时候截止投保", "有既往病史能买惠民保吗",
        "惠民保可以用个人账户支付吗", "惠民保报销比例是多少", "孩子可以参加惠民保吗", "惠民保在手机上怎么投保",
        "惠民保去年买了今年还要续吗", "惠民保的保障期限是多久", "惠民保门诊能报吗", "外地户口能买惠民保吗",
        "惠民保理赔多久到账", "惠民保怎么退保", "惠民保给全家人买怎么操作", "惠民保有没有等待期",
        "听说出了个惠民保 靠谱吗", "惠民保是政府办的吗", "惠民保特药目录在哪看", "惠民保起付线是多少",
        "社区能代办惠民保吗", "惠民保发票怎么开", "惠民保买了以后怎么查保单", "惠民保住院费用能报多少",
        "惠民保和商业保险冲突吗",
    ];

    /// <summary>The incident word of the burst.</summary>
    public const string BurstWord = "爆管";

    private static readonly string[] BurstPlaces = ["幸福里", "光荣道", "丁字沽", "西于庄", "咸阳北路"];

    private static readonly string[] BurstPhrases =
    [
        "{0}爆管了 水流一地", "{0}那边爆管了有人管吗", "{0}马路上爆管 车都过不去了", "{0}爆管了 谁来修",
        "{0}爆管 地下室进水了", "{0}爆管多久能修好", "{0}爆管了 路面都冲坏了", "{0}爆管现场围起来了吗",
    ];

    private static readonly string[] Prefixes = ["", "", "请问", "@百事通 ", "你好，", "问一下 "];
    private static readonly string[] Suffixes = ["", "", "？", "谢谢", " 急", "。。"];

    private readonly List<MinedMessage> _messages = [];
    private readonly Random _random = new(20260331);

    public IReadOnlyList<MinedMessage> Messages => _messages;

    /// <summary>The burst's day: ten days before the end, inside the recent window.</summary>
    public static DateTimeOffset BurstDay => End.AddDays(-10).Date;

    public MiningStream WithOrdinaryQuestions(int count, int days = 60)
    {
        var texts = DevSetTexts.Value;
        for (var i = 0; i < count; i++)
        {
            var text = Prefixes[_random.Next(Prefixes.Length)] + texts[_random.Next(texts.Length)] + Suffixes[_random.Next(Suffixes.Length)];
            Add("ordinary", End.AddMinutes(-_random.Next(days * 24 * 60)), text);
        }

        return this;
    }

    /// <summary>Each phrasing once, spread over the last <paramref name="days"/> days.</summary>
    public MiningStream WithNewTopic(int days = 21)
    {
        foreach (var text in NewTopic)
        {
            Add("new", End.AddMinutes(-_random.Next(days * 24 * 60)), Prefixes[_random.Next(Prefixes.Length)] + text);
        }

        return this;
    }

    /// <summary><paramref name="count"/> messages about one incident, all on <see cref="BurstDay"/>.</summary>
    public MiningStream WithBurst(int count = 40)
    {
        for (var i = 0; i < count; i++)
        {
            var text = string.Format(CultureInfo.InvariantCulture, BurstPhrases[i % BurstPhrases.Length], BurstPlaces[i / BurstPhrases.Length % BurstPlaces.Length]);
            Add("burst", new DateTimeOffset(BurstDay.DateTime, End.Offset).AddHours(8).AddMinutes(_random.Next(10 * 60)), text);
        }

        return this;
    }

    private void Add(string kind, DateTimeOffset at, string text) =>
        _messages.Add(new MinedMessage(string.Create(CultureInfo.InvariantCulture, $"{kind}-{_messages.Count}"), at, text));

    private static readonly Lazy<string[]> DevSetTexts = new(() =>
        [.. File.ReadLines(RepositoryPaths.DevSet)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)]);
}
