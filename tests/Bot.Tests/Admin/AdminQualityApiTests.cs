using System.Globalization;
using System.Net;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// <c>/api/admin/quality</c> over real Kestrel: residents' questions as the bot handled them (answered, abstained, some
/// followed by 转人工) counted on today's China day, with rates between 0 and 1 and the entry that helped least.
/// </summary>
public sealed class AdminQualityApiTests(AdminServiceFixture service) : IClassFixture<AdminServiceFixture>
{
    private const string Answered = "家里暖气不热怎么办";
    private const string Abstained = "惠民保发票怎么开";
    private const string AbstainedThenHandoff = "惠民保有年龄限制吗";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    [Fact]
    public async Task Quality_CountsTodaysQuestionsByOutcome_WithRatesBetweenZeroAndOne()
    {
        // What the search decides for each text; it records nothing, so only the chat turns below are counted.
        Assert.Equal("answer", (await service.Anonymous.SearchAsync(Answered)).Decision);
        Assert.Equal("abstain", (await service.Anonymous.SearchAsync(Abstained)).Decision);
        Assert.Equal("abstain", (await service.Anonymous.SearchAsync(AbstainedThenHandoff)).Decision);

        // The heating entry answers three residents, one of whom then asks for a person: it ranks among the worst.
        await new ChatUser(service.Anonymous, "quality-resident-1", "居民").SayPrivatelyAsync(Answered);
        await new ChatUser(service.Anonymous, "quality-resident-4", "居民").SayPrivatelyAsync(Answered);
        var unhelped = new ChatUser(service.Anonymous, "quality-resident-5", "居民");
        await unhelped.SayPrivatelyAsync(Answered);
        await unhelped.SayPrivatelyAsync("转人工");
        await new ChatUser(service.Anonymous, "quality-resident-2", "居民").SayPrivatelyAsync(Abstained);
        var asking = new ChatUser(service.Anonymous, "quality-resident-3", "居民");
        await asking.SayPrivatelyAsync(AbstainedThenHandoff);
        await asking.SayPrivatelyAsync("转人工");

        var before = ChinaToday();
        using var response = await service.Admin.GetAsync(AdminApi.Url("api/admin/quality?days=7"));
        var after = ChinaToday();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var days = body.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(7, days.Count);
        var dates = days.Select(d => DateOnly.Parse(d.Text("date"), CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(dates[^1], new[] { before, after });
        Assert.Equal(Enumerable.Range(0, 7).Select(i => dates[0].AddDays(i)), dates);
        Assert.Equal((dates[0], dates[^1]), (DateOnly.Parse(body.Text("from"), CultureInfo.InvariantCulture), DateOnly.Parse(body.Text("to"), CultureInfo.InvariantCulture)));

        var today = days[^1];
        Assert.Equal(
            (5, 3, 0, 2, 2),
            (Count(today, "questions"), Count(today, "answered"), Count(today, "clarified"), Count(today, "abstained"), Count(today, "handoffs")));
        Assert.All(days.Take(6), d => Assert.Equal(0, Count(d, "questions")));

        var totals = body.GetProperty("totals");
        Assert.Equal(5, Count(totals, "questions"));
        foreach (var rate in new[] { "answerRate", "clarifyRate", "abstainRate", "handoffRate", "rephraseRate" })
        {
            Assert.InRange(totals.GetProperty(rate).GetDouble(), 0.0, 1.0);
        }

        Assert.Equal(3.0 / 5, totals.GetProperty("answerRate").GetDouble(), 6);
        Assert.Equal(2.0 / 5, totals.GetProperty("abstainRate").GetDouble(), 6);
        Assert.Equal(2.0 / 5, totals.GetProperty("handoffRate").GetDouble(), 6);

        var worst = Assert.Single(body.GetProperty("worstEntries").EnumerateArray());
        Assert.Equal(("heating-01", "家里暖气不热怎么报修？"), (worst.Text("entryId"), worst.Text("title")));
        Assert.Equal((3, 1), (Count(worst, "answered"), Count(worst, "handoffs")));
        Assert.Equal(1.0 / 3, worst.GetProperty("badRate").GetDouble(), 6);
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=-3")]
    [InlineData("days=367")]
    public async Task Quality_Answers400ForDays_OutsideOneToAYear(string query)
    {
        using var response = await service.Admin.GetAsync(AdminApi.Url("api/admin/quality?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors("days"));
    }

    [Fact]
    public async Task Quality_CoversThirtyDays_WhenDaysIsNotGiven()
    {
        using var response = await service.Admin.GetAsync(AdminApi.Url("api/admin/quality"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, (await response.ReadJsonAsync()).GetProperty("days").GetArrayLength());
    }

    private static int Count(JsonElement element, string property) => element.GetProperty(property).GetInt32();

    private static DateOnly ChinaToday() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
