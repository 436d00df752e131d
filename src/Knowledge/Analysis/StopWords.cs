using System.Buffers;

namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// Function words and chat filler. Kept short on purpose: question words such as 多少钱, 什么时候 and 哪里 tell
/// close sibling entries apart (heating fee vs heating season), so they stay and IDF keeps them light.
/// </summary>
internal static class StopWords
{
    /// <summary>Sentence particles: never a unigram, and a bigram holding one counts only if it is a dictionary word.</summary>
    /// <remarks>
    /// Asked about every character and pair of every entry while indexing; <see cref="SearchValues{T}"/> answers from
    /// a bitmap, where a frozen set of chars went through a generic lookup that cost more before the JIT tiered up.
    /// </remarks>
    public static readonly SearchValues<char> Particles = SearchValues.Create(
        "的了吗呢啊吧呀嘛哦哈呗啦哇噢嗯滴哟喔呐咯");

    /// <summary>Multi-character filler: removed wherever no longer dictionary word covers it.</summary>
    public static readonly string[] Fillers =
    [
        "请问", "问一下", "问下", "问问", "想问", "想问问", "我想问", "打听", "打听一下", "咨询一下", "请教", "请教一下",
        "一下", "你好", "您好", "大家好", "谢谢", "多谢", "感谢", "麻烦", "麻烦问", "辛苦", "百事通", "小助手",
        "有没有人知道", "有人知道", "谁知道", "知道", "那个", "这个", "就是", "然后", "的话", "还有", "或者",
        "是不是", "一般", "请帮忙", "帮忙", "帮我", "告诉我", "我想", "想知道", "我们", "咱们", "大家", "各位",
        "老师", "同志", "领导", "一个", "这种", "那种", "怎么说", "好的", "可以吗", "行吗", "急急急", "在线等",
        // Greetings and chat noise: a greeting shares 早上 or 晚上 with entries about heating hours, not a topic.
        "早上好", "上午好", "中午好", "下午好", "晚上好", "早安", "晚安", "午安", "吃了吗", "在吗", "在不在",
        "哈哈", "哈哈哈", "呵呵", "嘿嘿", "嘻嘻", "谢谢你", "谢谢大家", "辛苦了", "收到",
    ];
}
