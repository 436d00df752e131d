using System.Collections.Frozen;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>
/// The words a whole short reply is made of. A message is a short reply only when these words cover all of it
/// ("好的，谢谢" = 好的 + 谢谢; "不用了吧" = 不用了 + 吧), so "取消低保怎么办" is never read as 取消.
/// </summary>
internal static class ShortReplies
{
    private static readonly string[] Greetings =
    [
        "你好", "您好", "你好啊", "您好啊", "在吗", "在么", "在不在", "在不", "有人吗", "有人在吗", "早上好", "早", "早安",
        "上午好", "中午好", "下午好", "晚上好", "哈喽", "哈罗", "嗨", "hi", "hello", "大家好", "百事通", "小助手",
    ];

    private static readonly string[] Thanks =
    [
        "谢谢", "多谢", "感谢", "谢了", "谢啦", "谢谢你", "谢谢您", "谢谢啦", "太感谢了", "非常感谢", "十分感谢", "感谢感谢",
        "辛苦了", "辛苦", "辛苦啦", "麻烦了", "麻烦你了", "麻烦您了", "费心了", "thanks", "thank", "thx", "3q", "感恩",
    ];

    private static readonly string[] ChitChat =
    [
        "好的", "好", "好吧", "好滴", "好嘞", "嗯", "嗯嗯", "恩", "恩恩", "哦", "哦哦", "噢", "喔", "收到", "知道了", "晓得了",
        "明白", "明白了", "了解", "了解了", "懂了", "哈哈", "哈哈哈", "呵呵", "嘿嘿", "嘻嘻", "厉害", "真棒", "棒", "赞", "牛",
        "666", "不错", "挺好", "给力", "再见", "拜拜", "晚安", "对不起", "不好意思", "没事", "没事了", "是吗", "真的吗",
        "原来如此", "这样啊", "这样", "好了", "解决了", "修好了", "处理好了", "来修了", "问题解决了",
    ];

    private static readonly string[] Confirms =
    [
        "确认", "确定", "对", "对的", "对对", "是", "是的", "是滴", "没错", "正确", "没问题", "提交", "确认提交", "提交吧",
        "可以", "行", "ok", "okay", "yes", "同意", "无误", "确认无误", "嗯对",
    ];

    private static readonly string[] Denials =
    [
        "不对", "不是", "错了", "有误", "不正确", "不是的", "不对的", "不行", "否", "no", "没有", "没", "搞错了", "不对不对",
    ];

    private static readonly string[] Cancels =
    [
        "取消", "算了", "不用了", "不用", "不报了", "退出", "不弄了", "不投诉了", "不需要了", "不需要", "不要了", "撤销",
        "不办了", "不反映了", "结束", "停止", "不想报了", "不修了", "取消投诉", "取消报修",
    ];

    private static readonly (string Word, Rating Rating)[] Ratings =
    [
        ("满意", Rating.Satisfied), ("非常满意", Rating.Satisfied), ("很满意", Rating.Satisfied), ("挺满意", Rating.Satisfied),
        ("十分满意", Rating.Satisfied), ("特别满意", Rating.Satisfied), ("满意的", Rating.Satisfied), ("好评", Rating.Satisfied),
        ("基本满意", Rating.FairlySatisfied), ("比较满意", Rating.FairlySatisfied), ("还算满意", Rating.FairlySatisfied),
        ("还行", Rating.FairlySatisfied), ("一般", Rating.FairlySatisfied), ("一般般", Rating.FairlySatisfied),
        ("还可以", Rating.FairlySatisfied), ("凑合", Rating.FairlySatisfied), ("马马虎虎", Rating.FairlySatisfied),
        ("不满意", Rating.Dissatisfied), ("很不满意", Rating.Dissatisfied), ("非常不满意", Rating.Dissatisfied),
        ("不太满意", Rating.Dissatisfied), ("差", Rating.Dissatisfied), ("太差", Rating.Dissatisfied), ("太差了", Rating.Dissatisfied),
        ("很差", Rating.Dissatisfied), ("差评", Rating.Dissatisfied), ("太差劲了", Rating.Dissatisfied),
    ];

    private static readonly string[] Fillers =
    [
        "吧", "了", "啊", "呀", "哈", "嘛", "呢", "的", "那", "那就", "就", "你", "您", "先", "还是", "我", "呗", "啦", "哇", "哎",
        "唉", "额", "呃", "嗷", "喽", "哟", "哒", "都", "也", "已经", "问题", "非常", "很", "真", "太", "小", "百事通", "大家",
    ];

    // Later groups win on a duplicate word, so fillers come first and the meaningful lists override them.
    private static readonly FrozenDictionary<string, ShortReply> Words = Build();

    private static readonly int LongestWord = Words.Keys.Max(word => word.Length);

    /// <summary>
    /// Splits <paramref name="core"/> (see <see cref="ReaderText.Core"/>) into known short-reply words, longest
    /// first; false when some part is not one (the message says more than a short reply).
    /// </summary>
    public static bool TrySplit(string core, out IReadOnlyList<ShortReply> words)
    {
        var found = new List<ShortReply>();
        words = found;
        for (var i = 0; i < core.Length;)
        {
            var length = Math.Min(LongestWord, core.Length - i);
            while (length > 0 && !Words.ContainsKey(core.Substring(i, length)))
            {
                length--;
            }

            if (length == 0)
            {
                return false;
            }

            found.Add(Words[core.Substring(i, length)]);
            i += length;
        }

        return found.Count > 0;
    }

    private static FrozenDictionary<string, ShortReply> Build()
    {
        var words = new Dictionary<string, ShortReply>(StringComparer.Ordinal);
        void Add(IEnumerable<string> list, ShortReply reply)
        {
            foreach (var word in list)
            {
                words[word] = reply;
            }
        }

        Add(Fillers, ShortReply.Filler);
        Add(Greetings, new ShortReply(MessageIntent.Greeting, null));
        Add(ChitChat, new ShortReply(MessageIntent.ChitChat, null));
        Add(Thanks, new ShortReply(MessageIntent.Thanks, null));
        Add(Confirms, new ShortReply(MessageIntent.Confirm, null));
        Add(Denials, new ShortReply(MessageIntent.Deny, null));
        Add(Cancels, new ShortReply(MessageIntent.Cancel, null));
        foreach (var (word, rating) in Ratings)
        {
            words[word] = new ShortReply(null, rating);
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
