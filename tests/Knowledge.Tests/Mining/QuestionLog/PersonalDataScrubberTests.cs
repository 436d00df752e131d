using CitizenBot.Knowledge.Mining.QuestionLog;

namespace CitizenBot.Knowledge.Tests.Mining.QuestionLog;

public sealed class PersonalDataScrubberTests
{
    public static TheoryData<string, string> PersonalData => new()
    {
        // Mobile numbers, however written.
        { "电话13800000000", "电话[电话]" },
        { "我的手机是 139 1234 5678 请回电", "我的手机是 [电话] 请回电" },
        { "联系方式：186-2222-3333", "联系方式：[电话]" },
        { "+86 15912345678 有人接吗", "[电话] 有人接吗" },
        { "打8615912345678找我", "打[电话]找我" },
        { "13512345678暖气不热", "[电话]暖气不热" },
        // Landlines with an area code, and bare local numbers where a cue says so.
        { "物业电话022-26881234打不通", "物业电话[电话]打不通" },
        { "拨打（022）26881234", "拨打[电话]" },
        { "座机 010 6234 5678", "座机 [电话]" },
        { "02226881234是居委会的吗", "[电话]是居委会的吗" },
        { "家里座机26881234", "家里座机[电话]" },
        // ID numbers, 18 digits (X check character) and the old 15.
        { "身份证号120104198801011234", "身份证号[身份证]" },
        { "身份证12010419880101123X丢了", "身份证[身份证]丢了" },
        { "老身份证120104880101123还能用吗", "老身份证[身份证]还能用吗" },
        // Bank-card-like runs.
        { "卡号6222020200112233445", "卡号[卡号]" },
        { "补贴打到6217 0000 1234 5678 了吗", "补贴打到[卡号] 了吗" },
        // E-mail.
        { "材料发到wang.xm@example.com可以吗", "材料发到[邮箱]可以吗" },
        // At the edges of the fast paths: a group's "@百事通" before an address, exactly seven digits, a title after a
        // surname with nothing else of a name around.
        { "@百事通 材料发到wang.xm@example.com可以吗", "@百事通 材料发到[邮箱]可以吗" },
        { "@百事通 打2688123问问", "@百事通 打[电话]问问" },
        { "@百事通 李老太太腿脚不便能上门办吗", "@百事通 X老太太腿脚不便能上门办吗" },
        // Names where they are introduced.
        { "我叫王小明 电话13800000000 暖气不热找谁", "我叫[姓名] 电话[电话] 暖气不热找谁" },
        { "我叫李明想问低保怎么办", "我叫[姓名]想问低保怎么办" },
        { "我是李建国，住3号楼2单元", "我是[姓名]，住3号楼2单元" },
        { "我是老王", "我是[姓名]" },
        { "我姓张，想问一下养老金", "我姓[姓名]，想问一下养老金" },
        { "免贵姓刘", "免贵姓[姓名]" },
        { "姓名：王小明 身份证号码丢了", "姓名：[姓名] 身份证号码丢了" },
        { "户主是赵德胜", "户主是[姓名]" },
        { "我的名字是周芳，身份证号码120104198801011234", "我的名字是[姓名]，身份证号码[身份证]" },
        { "联系人：孙丽 手机15022223333", "联系人：[姓名] 手机[电话]" },
        // Honorifics keep the honorific, lose the surname.
        { "张先生家漏水了", "X先生家漏水了" },
        { "王女士问低保", "X女士问低保" },
        { "我是李阿姨", "我是X阿姨" },
        { "刘大爷腿脚不好能上门办吗", "X大爷腿脚不好能上门办吗" },
        { "陈老师说要带户口本", "X老师说要带户口本" },
    };

    public static TheoryData<string> NotPersonalData => new()
    {
        "3号楼2单元501室暖气不热",
        "我的工单 HQ-20261122-0001 处理到哪了",
        "工单号码HQ-20261122-0001",
        "2026年的医保什么时候交",
        "2026-11-22 停水吗",
        "水费1.8元一吨对吗",
        "暖气才16度正常吗",
        "低保每月1200元",
        "打12345热线投诉",
        "客服电话400-800-1234",
        "邮编300131",
        "我是高龄老人能补贴吗",
        "我是本小区业主",
        "联系人电话写错了怎么改",
        "名字是什么时候改的",
        "@百事通 医保怎么报销",
        "姓名怎么改",
        "3号楼2单元的电梯坏了三天",
        "我是3号楼的",
        "医保卡余额0.5元",
        "2026年11月22日上午10点",
    };

    [Theory]
    [MemberData(nameof(PersonalData))]
    public void Scrub_ReplacesPersonalData_WithTokens(string text, string expected) =>
        Assert.Equal(expected, PersonalDataScrubber.Scrub(text));

    [Theory]
    [MemberData(nameof(NotPersonalData))]
    public void Scrub_LeavesText_WhenItHoldsNoPersonalData(string text) =>
        Assert.Equal(text, PersonalDataScrubber.Scrub(text));
}
