namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>
/// The phrases <see cref="MessageReader"/> looks for inside longer messages, one list per signal. Curate here; the
/// order the signals are weighed in is in <see cref="MessageReader"/>.
/// </summary>
internal static class IntentWords
{
    /// <summary>A worker giving the conversation back; checked before <see cref="Human"/> because "人工结束" contains 人工.</summary>
    public static readonly string[] HandBack =
    [
        "交还百事通", "交回百事通", "交给百事通", "还给百事通", "交还机器人", "交给机器人", "还给机器人", "交回机器人",
        "人工结束", "人工服务结束", "结束人工", "交还给你", "交还", "移交百事通",
    ];

    public static readonly string[] Human =
    [
        "转人工", "人工客服", "人工服务", "找人工", "要人工", "人工", "找网格员", "叫网格员", "网格员来", "联系网格员",
        "让网格员", "我要找人", "找真人", "真人客服", "找个人", "找工作人员", "找客服", "跟人说", "和人说", "找社区的人",
        "叫人来", "找活人",
    ];

    /// <summary>Social questions answered by the bot itself, not the knowledge base (they would otherwise read as questions).</summary>
    public static readonly string[] ChitChat =
    [
        "你是谁", "你叫什么", "你是机器人", "你是真人", "你是人吗", "你是ai", "你几岁", "你多大", "你会什么", "你能干什么",
        "你能做什么", "天气不错", "天气真好", "天气挺好", "天气很好", "吃了吗", "吃饭了吗", "在干嘛", "干嘛呢", "你好聪明",
        "真聪明", "哈哈哈", "哈哈", "测试一下", "测试",
    ];

    /// <summary>Enough on their own to ask after an earlier complaint.</summary>
    public static readonly string[] ProgressPhrases =
    [
        "进度", "到哪了", "到哪一步", "到哪步", "到哪儿了", "处理得怎么样", "处理的怎么样", "处理得咋样", "处理的咋样",
        "办得怎么样", "办的怎么样", "催办", "催一下", "催催", "有结果了吗", "有回复了吗", "有下文", "我的工单", "我的诉求", "我的投诉", "我的报修", "什么时候来修", "什么时候能来", "还没人来",
        "查工单", "查诉求", "查询工单", "工单状态", "处理结果", "回访",
    ];

    /// <summary>Asks after something when the message also has a <see cref="ProgressReferents"/> word ("报修有人管吗").</summary>
    public static readonly string[] ProgressMarkers =
    [
        "怎么样了", "咋样了", "怎么样啦", "有人管吗", "有人管没", "有人处理吗", "有人理吗", "没人理", "没人管", "没动静",
        "没消息", "没回复", "还没修", "还没来", "还没人", "还没处理", "处理了吗", "处理了没", "修了吗", "什么时候修",
        "什么时候处理", "查下", "查一下", "查查", "帮我查", "多久能处理", "多久处理", "怎么还没", "咋还没",
    ];

    /// <summary>Words that point at a complaint already made.</summary>
    public static readonly string[] ProgressReferents =
    [
        "诉求", "工单", "投诉", "报修", "反映", "举报", "报的", "报过", "报了", "提交的", "上次", "之前", "单子",
    ];

    /// <summary>Asking in so many words to complain or to have something fixed; a report even in question form.</summary>
    public static readonly string[] ReportRequests =
    [
        "我要投诉", "我想投诉", "我要举报", "我想举报", "我要反映", "我想反映", "反映个问题", "反映一个问题", "反映一下",
        "我要报修", "我想报修", "帮我报修", "帮忙报修", "报个修", "我要报事", "投诉一下", "举报一下", "要投诉", "要举报",
        "派人", "派个人", "来修", "来看看", "过来看", "来处理", "给修", "帮忙修", "帮修", "管一下", "管管", "给看看", "帮忙看看", "给看一下", "处理一下",
        "赶紧修", "快来人",
    ];

    /// <summary>The complaint verbs; a report when the message does not ask about them (投诉电话是多少 is a question).</summary>
    public static readonly string[] ReportVerbs = ["投诉", "举报", "报修", "报事", "反映"];

    /// <summary>A message with one of these asks for information.</summary>
    public static readonly string[] QuestionMarkers =
    [
        "?", "吗", "么", "怎么", "怎样", "如何", "哪", "谁", "什么", "多少", "几点", "几号", "几天", "几个", "几月", "多久",
        "多长时间", "是否", "能不能", "可不可以", "可以吗", "有没有", "需不需要", "要不要", "是不是", "咋", "啥", "请问",
        "想问", "咨询", "问一下", "问下", "打听", "想了解", "了解一下", "标准", "流程", "条件", "需要什么", "办理",
    ];

    /// <summary>Statements that contain a question word: "好几天了", "不知道怎么回事", "怎么修都修不好".</summary>
    public static readonly string[] NotQuestions =
    [
        "好几", "几乎", "没什么", "什么的", "不知道怎么", "不知怎么", "不怎么", "怎么也", "怎么都", "不管怎么", "哪儿都",
        "到处都", "没多少", "多少次", "没几天", "咋回事", "怎么回事", "咋搞的", "怎么搞的", "怎么又", "咋又",
    ];

    /// <summary>Something broken, blocked, noisy or neglected: a problem stated, not asked about.</summary>
    public static readonly string[] ProblemMarkers =
    [
        "坏", "堵", "漏", "吵", "乱", "臭", "没人管", "没人修", "没人清", "没人扫", "私搭", "违建", "停水", "停电", "停气",
        "没水", "没电", "不热", "不亮", "丢了", "掉了", "破了", "裂了", "塌", "倒了", "冒水", "跑水", "积水", "不动了", "停了", "堆了",
        "故障", "被困", "困在", "扰民", "噪音", "脏", "占道", "占了", "堆满", "太响", "不通", "没暖气", "不来水", "反水", "返水", "没人收", "没人来", "没人处理", "没人理", "不作为", "不管", "烦死",
        "受不了", "睡不着", "没法睡", "危险", "有人在", "有人往", "有人把",
    ];

    /// <summary>Tell a statement from a topic when a category keyword matched ("物业费" alone is a topic to look up).</summary>
    public static readonly string[] StatementMarkers =
    [
        "了", "又", "一直", "总是", "老是", "天天", "经常", "每天", "好几天", "半夜", "有人", "太", "特别", "急", "电话", "号楼", "单元",
    ];
}
