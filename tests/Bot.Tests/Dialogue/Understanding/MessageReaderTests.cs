using CitizenBot.Bot.Dialogue.Understanding;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Tests.Dialogue.Understanding;

public sealed class MessageReaderTests
{
    private readonly MessageReader _reader = new(RealCategories.Guesser);

    [Theory]
    [InlineData("你好")]
    [InlineData("您好！")]
    [InlineData("在吗")]
    [InlineData("在吗？")]
    [InlineData("早上好")]
    [InlineData("哈喽")]
    [InlineData("Hello")]
    [InlineData("百事通你好啊")]
    [InlineData("有人吗")]
    [InlineData("有人在吗")]
    [InlineData("在不在")]
    [InlineData("")]
    public void Read_Greeting_WhenResidentSaysHello(string text) => AssertIntent(MessageIntent.Greeting, text);

    [Theory]
    [InlineData("谢谢")]
    [InlineData("多谢")]
    [InlineData("辛苦了")]
    [InlineData("好的谢谢")]
    [InlineData("好的，谢谢！")]
    [InlineData("谢谢你啊")]
    [InlineData("麻烦你了")]
    [InlineData("太感谢了🙏")]
    [InlineData("嗯嗯 谢谢")]
    public void Read_Thanks_WhenResidentThanks(string text) => AssertIntent(MessageIntent.Thanks, text);

    [Theory]
    [InlineData("哈哈")]
    [InlineData("哈哈哈哈")]
    [InlineData("你是谁")]
    [InlineData("你是机器人吗")]
    [InlineData("你是真人吗？")]
    [InlineData("今天天气不错")]
    [InlineData("👍")]
    [InlineData("[强][强]")]
    [InlineData("好的")]
    [InlineData("嗯嗯")]
    [InlineData("收到")]
    [InlineData("知道了")]
    [InlineData("已经修好了")]
    public void Read_ChitChat_WhenShortSocialMessage(string text) => AssertIntent(MessageIntent.ChitChat, text);

    [Theory]
    [InlineData("暖气不热找谁")]
    [InlineData("暖气不热怎么办")]
    [InlineData("居住证怎么办理")]
    [InlineData("退休金什么时候发")]
    [InlineData("养老补贴怎么申请")]
    [InlineData("物业费标准是多少")]
    [InlineData("请问社区医院几点开门")]
    [InlineData("燃气费怎么交")]
    [InlineData("防火安全知识")]
    [InlineData("楼道灯坏了有人管吗")]
    [InlineData("投诉电话是多少")]
    [InlineData("办低保需要什么材料")]
    [InlineData("居住证")]
    [InlineData("孩子上学要准备啥")]
    [InlineData("取消低保怎么办")]
    [InlineData("我想了解一下老年卡")]
    [InlineData("核酸在哪做？")]
    [InlineData("暖气费多少钱一平米")]
    [InlineData("什么时候开始供暖")]
    [InlineData("请问明天停水吗")]
    [InlineData("这个月的物业费交了吗")]
    [InlineData("网格员电话多少")]
    [InlineData("我今年65了想办老年卡")]
    public void Read_Question_WhenAskingForInformation(string text) => AssertIntent(MessageIntent.Question, text);

    [Theory]
    [InlineData("漏水了")]
    [InlineData("家里漏水")]
    [InlineData("下水道堵了")]
    [InlineData("楼道灯坏了")]
    [InlineData("有人私搭乱建")]
    [InlineData("楼上装修太吵了")]
    [InlineData("3号楼2单元下水道堵了 电话13800000000")]
    [InlineData("我要投诉")]
    [InlineData("我要反映个问题")]
    [InlineData("报修")]
    [InlineData("井盖丢了")]
    [InlineData("小区门口垃圾堆了好几天了")]
    [InlineData("你好，我家暖气片漏了")]
    [InlineData("我要投诉，物业不管事")]
    [InlineData("暖气不热能派人来看看吗")]
    [InlineData("楼下天天有人摆摊")]
    [InlineData("5门的楼道灯不亮好几天了")]
    [InlineData("电梯又停了")]
    [InlineData("楼上天天半夜跺脚，吵得睡不着")]
    [InlineData("3号楼着火了！")]
    [InlineData("煤气味很大")]
    [InlineData("咱这楼道灯又坏了，黑灯瞎火的")]
    [InlineData("楼上邻居家狗天天叫，烦死了")]
    [InlineData("我家暖气一直不热，能给看看吗")]
    [InlineData("这暖气咋回事啊，一点都不热")]
    [InlineData("物业不作为")]
    [InlineData("今天怎么又停水了")]
    [InlineData("垃圾三天没人收了")]
    [InlineData("有人在楼道里充电瓶车")]
    [InlineData("我家楼上天天往下扔东西")]
    [InlineData("我家下水道反水，3号楼1门502，电话13612345678，挺急的")]
    public void Read_Report_WhenProblemStatedOrComplaintAsked(string text) => AssertIntent(MessageIntent.Report, text);

    [Theory]
    [InlineData("我的诉求到哪了")]
    [InlineData("我的工单怎么样了")]
    [InlineData("查一下进度")]
    [InlineData("处理得怎么样了")]
    [InlineData("报修有人管吗")]
    [InlineData("上次反映的垃圾问题怎么样了")]
    [InlineData("我投诉的事还没人管")]
    [InlineData("HQ-20250301-0007")]
    [InlineData("hq-20250301-0007 怎么样了")]
    [InlineData("帮我催一下")]
    [InlineData("能帮我查下我的投诉吗")]
    [InlineData("我前天报的修怎么还没人来")]
    [InlineData("漏水三天了还没人来修")]
    public void Read_Progress_WhenAskingAfterEarlierComplaint(string text) => AssertIntent(MessageIntent.Progress, text);

    [Theory]
    [InlineData("转人工")]
    [InlineData("人工客服")]
    [InlineData("找网格员")]
    [InlineData("我要找人")]
    [InlineData("找真人")]
    [InlineData("叫网格员来")]
    [InlineData("我要投诉，转人工！")]
    public void Read_Human_WhenAskingForAPerson(string text) => AssertIntent(MessageIntent.Human, text);

    [Theory]
    [InlineData("取消")]
    [InlineData("算了")]
    [InlineData("算了吧")]
    [InlineData("不用了")]
    [InlineData("不用了谢谢")]
    [InlineData("不报了")]
    [InlineData("退出")]
    public void Read_Cancel_WhenResidentGivesUp(string text) => AssertIntent(MessageIntent.Cancel, text);

    [Theory]
    [InlineData("确认")]
    [InlineData("对")]
    [InlineData("是的")]
    [InlineData("没问题")]
    [InlineData("提交")]
    [InlineData("好的提交")]
    [InlineData("好的，提交吧")]
    [InlineData("确定")]
    [InlineData("对的没错")]
    [InlineData("OK")]
    public void Read_Confirm_WhenResidentSaysYes(string text) => AssertIntent(MessageIntent.Confirm, text);

    [Theory]
    [InlineData("不对")]
    [InlineData("不是")]
    [InlineData("错了")]
    [InlineData("有误")]
    [InlineData("不对不对")]
    public void Read_Deny_WhenNoStandsAlone(string text) => AssertIntent(MessageIntent.Deny, text);

    [Theory]
    [InlineData("不对，是5号楼")]
    [InlineData("不是3号楼是5号楼")]
    [InlineData("改成七号楼")]
    [InlineData("十五号楼")]
    [InlineData("电话 022 2345 6789")]
    [InlineData("13800000000")]
    [InlineData("12345")]
    public void Read_Unknown_WhenOnlyFormFactsOrCorrection(string text) => AssertIntent(MessageIntent.Unknown, text);

    [Theory]
    [InlineData("交还百事通")]
    [InlineData("交给机器人")]
    [InlineData("人工结束")]
    [InlineData("已处理完毕交还")]
    public void Read_HandBack_WhenWorkerHandsBack(string text) => AssertIntent(MessageIntent.HandBack, text);

    [Theory]
    [InlineData("燃气泄漏了", "GasLeak")]
    [InlineData("煤气味很大", "GasLeak")]
    [InlineData("楼道里闻到煤气", "GasLeak")]
    [InlineData("天然气泄漏怎么办", "GasLeak")]
    [InlineData("着火了", "Fire")]
    [InlineData("对面楼起火了快来人", "Fire")]
    [InlineData("电箱冒烟了", "Fire")]
    [InlineData("发生火灾了", "Fire")]
    [InlineData("有人受伤", "Injury")]
    [InlineData("楼下有人晕倒了", "Injury")]
    [InlineData("老人摔倒了起不来", "Injury")]
    [InlineData("头上出血了", "Injury")]
    [InlineData("被困电梯受伤了", "Injury")]
    [InlineData("家里老人摔倒了，快来人", "Injury")]
    public void Read_Emergency_WhenTextDescribesDanger(string text, string kind) =>
        Assert.Equal(Enum.Parse<EmergencyKind>(kind), _reader.Read(text).Emergency);

    [Theory]
    [InlineData("燃气费怎么交")]
    [InlineData("防火安全知识")]
    [InlineData("燃气泄漏应急演练什么时候")]
    [InlineData("灶打不着火了")]
    [InlineData("没有人受伤")]
    [InlineData("楼道里有煤气罐")]
    [InlineData("困在电梯里了")]
    [InlineData("漏水了")]
    public void Read_NoEmergency_WhenNoDangerToLife(string text) => Assert.Null(_reader.Read(text).Emergency);

    [Fact]
    public void Read_KeepsIntent_WhenEmergencyIsAlsoAQuestion()
    {
        var reading = _reader.Read("天然气泄漏怎么办");

        Assert.Equal(EmergencyKind.GasLeak, reading.Emergency);
        Assert.Equal(MessageIntent.Question, reading.Intent);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("２", 2)]
    [InlineData("②", 2)]
    [InlineData("2.", 2)]
    [InlineData("3、", 3)]
    [InlineData("第2个", 2)]
    [InlineData("第二个", 2)]
    [InlineData("选2", 2)]
    [InlineData("我选第三个吧", 3)]
    [InlineData("2号", 2)]
    [InlineData(" 9 ", 9)]
    public void Read_ChoiceNumber_WhenWholeMessageIsAPick(string text, int number)
    {
        var reading = _reader.Read(text);

        Assert.Equal(number, reading.ChoiceNumber);
        Assert.Equal(MessageIntent.Unknown, reading.Intent);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("2号楼漏水了")]
    [InlineData("第二个问题是暖气不热")]
    [InlineData("13800000000")]
    public void Read_NoChoice_WhenNumberIsPartOfMore(string text) => Assert.Null(_reader.Read(text).ChoiceNumber);

    [Theory]
    [InlineData("HQ-20250301-0007", "HQ-20250301-0007")]
    [InlineData("我的单号hq-20250301-0007，到哪了", "HQ-20250301-0007")]
    [InlineData("ＨＱ－２０２５０３０１－００１２", "HQ-20250301-0012")]
    [InlineData("工单HQ-20250301-12345怎么样了", "HQ-20250301-12345")]
    public void Read_TicketNumber_WhenPresentAnywhere(string text, string expected) =>
        Assert.Equal(expected, _reader.Read(text).TicketNumber);

    [Theory]
    [InlineData("HQ-20251399-0001")]
    [InlineData("HQ-2025031-0001")]
    [InlineData("我的工单怎么样了")]
    public void Read_NoTicketNumber_WhenNotCanonical(string text) => Assert.Null(_reader.Read(text).TicketNumber);

    [Theory]
    [InlineData("满意", "Satisfied")]
    [InlineData("非常满意！", "Satisfied")]
    [InlineData("满意，谢谢", "Satisfied")]
    [InlineData("基本满意", "FairlySatisfied")]
    [InlineData("一般", "FairlySatisfied")]
    [InlineData("还行吧", "FairlySatisfied")]
    [InlineData("不满意", "Dissatisfied")]
    [InlineData("差", "Dissatisfied")]
    [InlineData("太差了", "Dissatisfied")]
    [InlineData("不满意，还是漏水", "Dissatisfied")]
    public void Read_Rating_WhenMessageIsARating(string text, string rating) =>
        Assert.Equal(Enum.Parse<Rating>(rating), _reader.Read(text).Rating);

    [Theory]
    [InlineData("一般多久能修好")]
    [InlineData("服务态度差得很，我要投诉")]
    [InlineData("好的")]
    public void Read_NoRating_WhenRatingWordIsPartOfMore(string text) => Assert.Null(_reader.Read(text).Rating);

    [Fact]
    public void Read_ReportWithRating_WhenDissatisfiedWithReason()
    {
        var reading = _reader.Read("不满意，还是漏水");

        Assert.Equal(MessageIntent.Report, reading.Intent);
        Assert.Equal(Rating.Dissatisfied, reading.Rating);
    }

    [Theory]
    [InlineData("\uD83D漏水了")]
    [InlineData("漏水了\uDE00")]
    public void Read_DoesNotThrow_WhenEmojiIsCutInHalf(string text) => Assert.Equal(MessageIntent.Report, _reader.Read(text).Intent);

    private void AssertIntent(MessageIntent expected, string text) => Assert.Equal(expected, _reader.Read(text).Intent);
}
