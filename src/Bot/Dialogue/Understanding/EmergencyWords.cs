namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>Finds a danger to life in a message. Cheap to over-report, costly to miss, but never on an information topic.</summary>
internal static class EmergencyWords
{
    private static readonly (EmergencyKind Kind, string[] Terms)[] Terms =
    [
        (EmergencyKind.GasLeak,
        [
            "燃气泄漏", "煤气泄漏", "天然气泄漏", "液化气泄漏", "燃气泄露", "煤气泄露", "天然气泄露", "燃气漏气", "煤气漏气",
            "天然气漏气", "煤气味", "燃气味", "天然气味", "闻到煤气", "闻到燃气", "闻到天然气", "一股煤气",
            "漏煤气", "漏燃气", "漏天然气",
        ]),
        (EmergencyKind.Fire,
        [
            "着火", "起火", "失火", "火灾", "冒烟了", "烧起来", "火着了", "电线冒火", "冒火", "浓烟", "火很大", "火势",
        ]),
        (EmergencyKind.Injury,
        [
            "有人受伤", "受伤了", "受了伤", "晕倒", "昏倒", "昏迷", "出血", "流血", "起不来", "摔伤", "骨折", "砸伤", "砸到人",
            "不省人事", "没有意识", "没意识", "没呼吸", "抽搐", "心脏病犯了", "心脏病发作", "被困电梯受伤", "有人被困受伤", "摔倒了", "撞伤", "烫伤", "割伤",
        ]),
    ];

    /// <summary>
    /// An occurrence right after one of these is negated ("没有人受伤", "打不着火", "没煤气味了") and does not count.
    /// </summary>
    private static readonly char[] Negations = ['没', '无', '未', '不', '别', '非'];

    /// <summary>Information topics: 防火安全知识, 燃气泄漏应急演练 are not emergencies.</summary>
    private static readonly string[] Topics =
    [
        "知识", "常识", "演练", "宣传", "培训", "预防", "防范", "讲座", "保险", "怎么预防", "注意事项", "安全教育",
    ];

    /// <summary>The first kind whose term occurs un-negated in folded text, unless the text is about an information topic.</summary>
    public static EmergencyKind? Find(string folded)
    {
        if (ReaderText.ContainsAny(folded, Topics))
        {
            return null;
        }

        foreach (var (kind, terms) in Terms)
        {
            if (terms.Any(term => OccursUnnegated(folded, term)))
            {
                return kind;
            }
        }

        return null;
    }

    private static bool OccursUnnegated(string text, string term)
    {
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            // Look two characters back: "没有人受伤" negates through 有, "打不着火" directly.
            var negated = (at >= 1 && Negations.Contains(text[at - 1]))
                || (at >= 2 && Negations.Contains(text[at - 2]) && text[at - 1] == '有');
            if (!negated)
            {
                return true;
            }
        }

        return false;
    }
}
