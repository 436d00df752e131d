using CitizenBot.Bot.Dialogue;
using CitizenBot.Bot.Dialogue.Understanding;

namespace CitizenBot.Bot.Tests.Dialogue.Understanding;

public sealed class ComplaintFactReaderTests
{
    [Theory]
    [InlineData("3号楼2单元下水道堵了", "3", "2", null)]
    [InlineData("三号楼二单元301室漏水", "3", "2", "301")]
    [InlineData("3栋2门301", "3", "2", "301")]
    [InlineData("住3-2-301，楼上漏水", "3", "2", "301")]
    [InlineData("12幢5单元1202", "12", "5", "1202")]
    [InlineData("十二号楼两单元", "12", "2", null)]
    [InlineData("5号楼301", "5", null, "301")]
    [InlineData("5号楼2-301", "5", "2", "301")]
    [InlineData("３号楼　２单元", "3", "2", null)]
    [InlineData("5门的楼道灯不亮", null, "5", null)]
    [InlineData("我住3楼，楼上漏水", null, null, null)]
    public void Read_Address_WhenNumbersGiven(string text, string? building, string? unit, string? room)
    {
        var facts = ComplaintFactReader.Read(text, asking: null);

        Assert.Equal((building, unit, room), (facts.Building, facts.Unit, facts.Room));
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("五", "5")]
    [InlineData("5号", "5")]
    [InlineData("在12号楼", "12")]
    public void Read_Building_WhenBareAnswerToLocation(string text, string building)
    {
        var facts = ComplaintFactReader.Read(text, ComplaintSlot.Location);

        Assert.Equal(building, facts.Building);
        Assert.Equal(string.Empty, facts.Description);
    }

    [Fact]
    public void Read_NoBuilding_WhenBareNumberNotAskedFor() => Assert.Null(ComplaintFactReader.Read("5", asking: null).Building);

    [Theory]
    [InlineData("小区东门有垃圾没人清", "小区东门")]
    [InlineData("子牙里小区门口垃圾堆了好几天", "子牙里小区门口")]
    [InlineData("卫津路那个路口红绿灯坏了", "卫津路")]
    [InlineData("家里漏水", null)]
    [InlineData("楼道灯坏了", null)]
    [InlineData("下水道堵了", null)]
    [InlineData("3号楼门口堆了很多杂物", null)]
    public void Read_Place_WhenGivenWithoutNumbers(string text, string? place) =>
        Assert.Equal(place, ComplaintFactReader.Read(text, asking: null).Place);

    [Theory]
    [InlineData("电话13800000000", "13800000000")]
    [InlineData("手机号：138 0000 0000", "13800000000")]
    [InlineData("联系方式 +86 13800000000", "13800000000")]
    [InlineData("３号楼，电话１３８００００００００", "13800000000")]
    [InlineData("022-23456789", "022-23456789")]
    [InlineData("座机02223456789", "022-23456789")]
    [InlineData("电话 022 2345 6789", "022-23456789")]
    [InlineData("3号楼2单元301 13912345678 下水道堵了", "13912345678")]
    public void Read_Phone_WhenValidNumberGiven(string text, string phone)
    {
        var facts = ComplaintFactReader.Read(text, asking: null);

        Assert.Equal(phone, facts.Phone);
        Assert.False(facts.InvalidPhone);
    }

    [Theory]
    [InlineData("电话1380000000", null)]
    [InlineData("手机号138000", null)]
    [InlineData("12345678901", null)]
    [InlineData("1234", "Phone")]
    [InlineData("138-0000", "Phone")]
    public void Read_InvalidPhone_WhenMeantAsPhoneButNotValid(string text, string? asking)
    {
        var facts = ComplaintFactReader.Read(text, asking is null ? null : Enum.Parse<ComplaintSlot>(asking));

        Assert.True(facts.InvalidPhone);
        Assert.Null(facts.Phone);
    }

    [Theory]
    [InlineData("3号楼2单元301")]
    [InlineData("楼道灯坏了三天了")]
    [InlineData("HQ-20250301-0007 还没人来")]
    public void Read_NoInvalidPhone_WhenDigitsAreNotAPhone(string text) => Assert.False(ComplaintFactReader.Read(text, asking: null).InvalidPhone);

    [Theory]
    [InlineData("照片 https://img.example.com/a/1.jpg", "https://img.example.com/a/1.jpg")]
    [InlineData("漏水的照片http://pic.example.cn/X.png，你看看", "http://pic.example.cn/X.png")]
    public void Read_PhotoUrl_WhenLinkGiven(string text, string url) => Assert.Equal(url, ComplaintFactReader.Read(text, asking: null).PhotoUrl);

    [Theory]
    [InlineData("没有照片", null)]
    [InlineData("没拍", null)]
    [InlineData("没有", "Photo")]
    [InlineData("无", "Photo")]
    [InlineData("不用了", "Photo")]
    public void Read_NoPhoto_WhenResidentHasNone(string text, string? asking) =>
        Assert.True(ComplaintFactReader.Read(text, asking is null ? null : Enum.Parse<ComplaintSlot>(asking)).NoPhoto);

    [Fact]
    public void Read_NotNoPhoto_WhenBareNoAnswersAnotherQuestion() => Assert.False(ComplaintFactReader.Read("没有", ComplaintSlot.Location).NoPhoto);

    [Theory]
    [InlineData("很急", null, true)]
    [InlineData("紧急！", null, true)]
    [InlineData("赶紧派人来", null, true)]
    [InlineData("急", null, true)]
    [InlineData("楼上漏水，挺着急的", null, true)]
    [InlineData("不急", null, false)]
    [InlineData("不着急", null, false)]
    [InlineData("不紧急", null, false)]
    [InlineData("不是很急", null, false)]
    [InlineData("一般", "Urgency", false)]
    [InlineData("是的", "Urgency", true)]
    [InlineData("还好", "Urgency", false)]
    [InlineData("一般都是晚上吵", null, null)]
    [InlineData("下水道堵了", null, null)]
    public void Read_Urgent_WhenResidentSaysHowUrgent(string text, string? asking, bool? urgent) =>
        Assert.Equal(urgent, ComplaintFactReader.Read(text, asking is null ? null : Enum.Parse<ComplaintSlot>(asking)).Urgent);

    [Theory]
    [InlineData("不对，是5号楼", "5")]
    [InlineData("改成5号楼", "5")]
    [InlineData("应该是5号楼", "5")]
    [InlineData("说错了，5号楼", "5")]
    [InlineData("不是3号楼是5号楼", "5")]
    [InlineData("3号楼说错了，应该是五号楼", "5")]
    public void Read_Correction_WhenResidentFixesAnAnswer(string text, string building)
    {
        var facts = ComplaintFactReader.Read(text, asking: null);

        Assert.True(facts.IsCorrection);
        Assert.Equal(building, facts.Building);
        Assert.Equal(string.Empty, facts.Description);
    }

    [Fact]
    public void Read_Correction_WhenPhoneWasWrong()
    {
        var facts = ComplaintFactReader.Read("电话错了，是13912345678", asking: null);

        Assert.True(facts.IsCorrection);
        Assert.Equal("13912345678", facts.Phone);
        Assert.Equal(string.Empty, facts.Description);
    }

    [Fact]
    public void Read_LastPhoneWins_WhenCorrected() =>
        Assert.Equal("13912345678", ComplaintFactReader.Read("13800000000打错了，是13912345678", asking: null).Phone);

    [Fact]
    public void Read_FirstPhoneWins_WhenNotACorrection() =>
        Assert.Equal("13800000000", ComplaintFactReader.Read("13800000000，或者13912345678", asking: null).Phone);

    [Theory]
    [InlineData("暖气温度不对")]
    [InlineData("3号楼下水道堵了")]
    public void Read_NoCorrection_WhenNoEarlierAnswerIsFixed(string text) => Assert.False(ComplaintFactReader.Read(text, asking: null).IsCorrection);

    [Theory]
    [InlineData("3号楼2单元下水道堵了 电话13800000000", null, "下水道堵了")]
    [InlineData("我家在3号楼，楼道灯坏了", null, "楼道灯坏了")]
    [InlineData("3号楼的楼道灯坏了，很急", null, "楼道灯坏了")]
    [InlineData("电话是13800000000", null, "")]
    [InlineData("不急", "Urgency", "")]
    [InlineData("没有", "Photo", "")]
    [InlineData("照片 https://img.example.com/a.jpg", null, "")]
    [InlineData("楼上装修太吵了！！！", null, "楼上装修太吵了")]
    [InlineData("楼上漏水，天花板都湿了", null, "楼上漏水，天花板都湿了")]
    [InlineData("5号楼二单元楼道灯坏了，不着急", null, "楼道灯坏了")]
    [InlineData("照片在这 https://example.com/p/abc123.jpg 麻烦尽快", null, "")]
    [InlineData("楼上漏水，你们赶紧派人", null, "楼上漏水，你们赶紧派人")]
    [InlineData("住在子牙里8号楼3门401，下水道往上冒水", null, "子牙里，下水道往上冒水")]
    [InlineData("", null, "")]
    public void Read_Description_WhenFactsTakenOut(string text, string? asking, string description) =>
        Assert.Equal(description, ComplaintFactReader.Read(text, asking is null ? null : Enum.Parse<ComplaintSlot>(asking)).Description);
}
