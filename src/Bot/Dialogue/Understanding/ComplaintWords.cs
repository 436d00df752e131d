namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>The word lists <see cref="ComplaintFactReader"/> uses, one per fact.</summary>
internal static class ComplaintWords
{
    /// <summary>Checked before <see cref="Urgent"/>: "不着急" contains 着急.</summary>
    public static readonly string[] NotUrgent =
    [
        "不急", "不着急", "不紧急", "不是很急", "不太急", "不用急", "不怎么急", "不算急", "没那么急", "不是特别急", "不要紧",
        "不赶时间", "慢慢来",
    ];

    public static readonly string[] Urgent =
    [
        "很急", "紧急", "着急", "马上", "赶紧", "特别急", "非常急", "急死", "尽快", "快点", "挺急", "比较急", "太急", "急急",
        "火急", "急需", "越快越好", "急事",
    ];

    /// <summary>Bare answers to "急不急？"; a whole message only.</summary>
    public static readonly string[] UrgentAnswers = ["急", "是", "是的", "对", "嗯", "很急", "急的", "有点急", "挺急的"];

    public static readonly string[] NotUrgentAnswers = ["不", "不是", "否", "还好", "还行", "没事", "一般", "不用", "不急的", "普通"];

    public static readonly string[] NoPhoto =
    [
        "没有照片", "没照片", "没拍", "没有图", "没图", "没有图片", "拍不了", "不拍了", "不方便拍", "没法拍", "无照片",
        "没有相片", "没有拍", "没办法拍", "不会拍", "不会发图",
    ];

    /// <summary>Bare answers to "有照片吗？"; a whole message only.</summary>
    public static readonly string[] NoPhotoAnswers =
    [
        "没有", "无", "不用了", "不用", "没", "算了", "跳过", "不需要", "没有了", "不发了", "不了", "没有呢", "木有", "否",
    ];

    /// <summary>Say an earlier answer was wrong. 不对/不是 count only at the start ("暖气温度不对" is a description).</summary>
    public static readonly string[] Correction =
    [
        "应该是", "改成", "改为", "改一下", "更正", "纠正", "说错了", "写错了", "打错了", "搞错了", "弄错了", "填错了", "错了",
        "不好意思", "修改",
    ];

    public static readonly string[] LeadingCorrection = ["不对", "不是"];

    /// <summary>Words that carry nothing once the facts are taken out ("我家在", "电话是"): a clause of only these is dropped.</summary>
    public static readonly string[] Filler =
    [
        "是", "就是", "我", "我的", "我家", "家", "在", "住", "住在", "的", "电话", "手机", "手机号", "手机号码", "联系方式",
        "联系电话", "电话号码", "号码", "地址", "位置", "照片", "图片", "链接", "那个", "这个", "嗯", "哦", "啊", "吧", "了", "呢",
        "对", "号", "楼", "单元", "室", "房间", "是在", "应该", "还有", "另外", "然后", "和", "发", "给你", "你", "好的", "亲",
        "我们", "咱", "咱家", "打", "联系", "请", "网址", "为", "没错", "对的", "麻烦", "麻烦你", "在这", "这里", "谢谢",
    ];

    /// <summary>Trimmed from the start of a kept clause ("的楼道灯坏了" after "3号楼" is taken out).</summary>
    public static readonly string[] LeadingFiller = ["的", "是", "在", "住", "住在", "电话", "手机", "手机号", "联系电话", "联系方式"];

    /// <summary>A found place ending in one of these is really an everyday word ("谁知道", "我家里").</summary>
    public static readonly string[] NotPlaces =
    [
        "家里", "这里", "那里", "哪里", "心里", "手里", "屋里", "夜里", "楼里", "楼道", "下水道", "水道", "知道", "味道", "难道",
        "通道", "车道", "管道", "街道", "马路", "公里", "千里", "万里", "电梯里", "车里", "水里", "院里",
    ];
}
