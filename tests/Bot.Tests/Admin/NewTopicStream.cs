using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// A stream of resident questions in which a new topic appears: in-scope dev-set questions, each from its own
/// resident in a private thread, with 22 phrasings of a question about 惠民保 (a municipal insurance the seed base has
/// no entry for) mixed in. Six more phrasings are held back, to ask only after an admin accepted the topic.
/// </summary>
public static class NewTopicStream
{
    public const string Word = "惠民保";

    public static readonly IReadOnlyList<string> Phrasings =
    [
        "惠民保今年怎么参保", "惠民保在哪里买", "惠民保一年交多少钱", "惠民保能报销哪些费用", "老人能不能买惠民保",
        "惠民保理赔需要什么材料", "惠民保什么时候截止投保", "有既往病史能买惠民保吗", "惠民保可以用个人账户支付吗",
        "惠民保报销比例是多少", "孩子可以参加惠民保吗", "惠民保在手机上怎么投保", "惠民保去年买了今年还要续吗",
        "惠民保的保障期限是多久", "外地户口能买惠民保吗", "惠民保理赔多久到账", "惠民保怎么退保",
        "惠民保给全家人买怎么操作", "惠民保有没有等待期", "听说出了个惠民保 靠谱吗", "惠民保是政府办的吗",
        "惠民保特药目录在哪看",
    ];

    /// <summary>Phrasings the seed base abstains on; they are not in the stream.</summary>
    public static readonly IReadOnlyList<string> HeldBack =
    [
        "社区能代办惠民保吗", "惠民保发票怎么开", "惠民保买了以后怎么查保单", "惠民保有年龄限制吗", "惠民保去哪里理赔",
        "惠民保能退钱吗",
    ];

    public const string AcceptedTitle = "惠民保是什么，怎么参保和理赔？";

    public const string AcceptedAnswer =
        "“惠民保”是本市推出的城市定制型补充医疗保险，由保险公司承保、医保部门指导。\n\n" +
        "- 参保：在“津医保”公众号或支付宝搜索惠民保投保，可为家人代买。\n" +
        "- 理赔：出院后在同一入口上传发票和病历。\n- 咨询电话：12345。";

    public const string AcceptedCategory = "medical-insurance";

    /// <summary>Sends the stream to the bot through the HTTP chat channel.</summary>
    public static async Task ReplayAsync(HttpClient client, string residentPrefix)
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
        for (var i = 0; i < Phrasings.Count; i++)
        {
            stream.Insert(i * ordinary.Count / Phrasings.Count, Phrasings[i]);
        }

        for (var i = 0; i < stream.Count; i++)
        {
            await new ChatUser(client, $"{residentPrefix}-{i}", "居民").SayPrivatelyAsync(stream[i]);
        }
    }
}
