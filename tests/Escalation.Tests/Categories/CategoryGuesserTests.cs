using CitizenBot.Escalation.Categories;

namespace CitizenBot.Escalation.Tests.Categories;

public sealed class CategoryGuesserTests
{
    private readonly CategoryGuesser _guesser = new(RealCategoryCatalog.Instance);

    [Theory]
    [InlineData("3号楼下水道堵了", "drainage.blocked-sewer", 2)]
    [InlineData("楼道里有人给电动车充电", "safety.ebike-charging", 1)]
    [InlineData("燃气味很大", "gas.leak", 1)]
    [InlineData("小区门口井盖丢了，晚上很危险", "public-facilities.manhole", 1)]
    [InlineData("我家暖气片漏了，地上全是水", "heating.leak", 1)]
    [InlineData("楼上漏水，天花板都湿了", "property.water-leak", 2)]
    [InlineData("5门的楼道灯不亮好几天了", "property.stairwell-light", 3)]
    public void Guess_ReturnsExpectedItemFirst_WhenComplaintText(string text, string itemId, int grade)
    {
        var best = _guesser.Guess(text)[0];

        Assert.Equal(itemId, best.Item.Id);
        Assert.Equal((UrgencyGrade)grade, best.Item.Grade);
    }

    [Theory]
    [InlineData("你好，今天天气真不错，吃了吗")]
    [InlineData("谢谢啊")]
    [InlineData("")]
    public void Guess_ReturnsNone_WhenChitChat(string text) => Assert.Empty(_guesser.Guess(text));

    [Fact]
    public void Guess_PrefersLongestKeyword_WhenHitsTie()
    {
        var guesser = GuesserFor(Item("a.short", "短", UrgencyGrade.Red, "漏水"), Item("a.long", "长", UrgencyGrade.Blue, "暖气漏水"));

        var guesses = guesser.Guess("暖气漏水了");

        Assert.Equal(["a.long", "a.short"], guesses.Select(g => g.Item.Id));
        Assert.Equal("暖气漏水", guesses[0].LongestKeyword);
    }

    [Fact]
    public void Guess_PrefersMoreUrgentGrade_WhenHitsAndLengthTie()
    {
        var guesser = GuesserFor(Item("a.blue", "蓝", UrgencyGrade.Blue, "井盖"), Item("a.red", "红", UrgencyGrade.Red, "井盖"));

        Assert.Equal(["a.red", "a.blue"], guesser.Guess("井盖坏了").Select(g => g.Item.Id));
    }

    [Fact]
    public void Guess_PrefersMoreHits_WhenSeveralKeywordsMatch()
    {
        var guesser = GuesserFor(Item("a.one", "一", UrgencyGrade.Red, "下水道堵塞"), Item("a.two", "二", UrgencyGrade.Blue, "下水", "堵了"));

        var guesses = guesser.Guess("下水堵了");

        Assert.Equal("a.two", guesses[0].Item.Id);
        Assert.Equal(2, guesses[0].Hits);
    }

    [Fact]
    public void Guess_LimitsResults_WhenMaxResultsGiven()
    {
        var guesser = GuesserFor(Item("a.x", "x", UrgencyGrade.Red, "水"), Item("a.y", "y", UrgencyGrade.Red, "水"));

        Assert.Single(guesser.Guess("水", maxResults: 1));
    }

    private static CategoryItem Item(string id, string name, UrgencyGrade grade, params string[] keywords) =>
        new(id, name, grade, "dept", keywords);

    private static CategoryGuesser GuesserFor(params CategoryItem[] items) =>
        new(new CategoryCatalog([new CategoryGroup("a", "组", items)]));
}
