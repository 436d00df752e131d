using System.Net;
using System.Text.RegularExpressions;
using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenBot.Bot.Tests.Console;

/// <summary>The workers' console in a real browser against the real service: sign-in, the queue, actions, scope, live updates.</summary>
public sealed partial class ConsoleTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    private const string GridOne = "g-xyz-01-01";
    private const string GridTwo = "g-xyz-01-02";

    [Fact]
    public async Task SignIn_ShowsTheProblem_WhenThePasswordIsWrong_AndTheQueue_WhenItIsRight()
    {
        var page = await console.OpenConsoleAsync();

        // Its own account: a wrong password counts towards the lockout, which must not touch the other tests.
        await page.GetByLabel("账号").FillAsync("w-xyz-01-03");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("#sign-in-error")).ToContainTextAsync("账号或密码错误");
        await Expect(page.Locator("#work-view")).ToBeHiddenAsync();

        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(StaffApi.SeedPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Still the seed password: the console asks for a new one, and lets the worker skip for now.
        await Expect(page.Locator("#password-hint")).ToContainTextAsync("初始密码");
        await page.GetByRole(AriaRole.Button, new() { Name = "暂不修改" }).ClickAsync();

        await Expect(page.Locator("#work-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#who-name")).ToContainTextAsync("子牙社区第3网格");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "我的待办" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#queue-empty")).ToHaveTextAsync("暂无待办工单");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task GridWorker_AcceptsAndResolvesATicketOfTheirGrid_ThroughThePage()
    {
        var number = await StaffApi.FileTicketNumberAsync(console.Client, GridOne);
        var page = await console.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, "w-xyz-01-01");

        var row = Row(page, number);
        await Expect(row).ToContainTextAsync("已分派");
        await Expect(row).ToContainTextAsync("网格级");
        await Expect(row).ToContainTextAsync("子牙社区第1网格");
        await Expect(row.Locator(".urgency")).ToHaveTextAsync("黄");
        await Expect(row.Locator(".countdown")).ToContainTextAsync(RemainingOrOverdue());
        await SaveScreenshotAsync(page, "queue.png");

        await row.GetByRole(AriaRole.Button).ClickAsync();
        var detail = page.Locator("#detail");
        await Expect(detail.GetByRole(AriaRole.Heading, new() { Name = $"工单 {number}" })).ToBeVisibleAsync();
        await Expect(detail).ToContainTextAsync("138****1234");
        await Expect(detail.Locator(".timeline")).ToContainTextAsync("提交");

        await detail.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(detail.Locator("[data-field=status]")).ToHaveTextAsync("已受理");

        await detail.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();
        // The resolution note is required: the page says so before asking the server.
        await detail.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();
        await Expect(detail.Locator(".action-form .problem")).ToContainTextAsync("办结必须填写处理结果");
        await detail.GetByLabel("处理结果（必填）").FillAsync("已联系环卫清运，现场已清理干净。");
        await detail.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();
        await Expect(detail.Locator("[data-field=status]")).ToHaveTextAsync("已办结");
        await Expect(detail.Locator(".timeline li[data-event=resolved]")).ToContainTextAsync("已联系环卫清运");
        await SaveScreenshotAsync(page, "detail.png");

        var ticket = await StaffApi.GetTicketJsonAsync(console.Client, await StaffApi.TokenAsync(console.Client, "w-xyz-01-01"), number);
        Assert.Equal("resolved", ticket.GetProperty("status").GetString());
        var events = ticket.GetProperty("events").EnumerateArray().ToList();
        var accepted = Assert.Single(events, e => e.GetProperty("type").GetString() == "accepted");
        Assert.Equal("w-xyz-01-01", accepted.GetProperty("actor").GetString());
        var resolved = Assert.Single(events, e => e.GetProperty("type").GetString() == "resolved");
        Assert.Equal("已联系环卫清运，现场已清理干净。", resolved.GetProperty("note").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task GridWorker_DoesNotSeeAnotherGridsTicket_InTheQueueOrThroughTheApi()
    {
        var otherGrid = await StaffApi.FileTicketNumberAsync(console.Client, GridOne);
        var ownGrid = await StaffApi.FileTicketNumberAsync(console.Client, GridTwo);
        var page = await console.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, "w-xyz-01-02");

        await page.GetByRole(AriaRole.Tab, new() { Name = "辖区全部" }).ClickAsync();
        // The worker's own ticket shows, so the list has loaded when the other one is found missing.
        await Expect(Row(page, ownGrid)).ToBeVisibleAsync();
        await Expect(Row(page, otherGrid)).ToHaveCountAsync(0);

        var token = await StaffApi.TokenAsync(console.Client, "w-xyz-01-02");
        using var response = await StaffApi.GetTicketAsync(console.Client, token, otherGrid);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Queue_ShowsANewTicket_WithoutReload_WhenItIsFiled()
    {
        var page = await console.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, "w-xyz-01-01");
        // Subscribed before the ticket exists, so only the live path can bring it in (the poll is 30 s away).
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "open");

        // The desk announces the filing on the change feed; nothing else tells the page.
        var number = await StaffApi.FileTicketNumberAsync(console.Client, GridOne, "小区门口路灯不亮。");

        var row = Row(page, number);
        await Expect(row).ToBeVisibleAsync();
        // Only a change that arrived on the stream marks a row as new.
        await Expect(row).ToHaveClassAsync(FreshClass());
        await Expect(page.Locator("#announce")).ToContainTextAsync(number);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Console_FitsAPhoneScreen_WithTheQueueAndADetailOpen()
    {
        var number = await StaffApi.FileTicketNumberAsync(console.Client, GridOne, "三号楼楼道堆放杂物，影响通行。");
        var page = await console.OpenConsoleAsync(width: 360, height: 740);
        await ConsoleFixture.SignInAsync(page, "w-xyz-01-01");

        await Row(page, number).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#detail h2")).ToContainTextAsync(number);
        // On a phone the detail replaces the list; nothing may stick out sideways.
        await Expect(page.Locator("#queue-list")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.GetByRole(AriaRole.Button, new() { Name = "← 返回列表" }).ClickAsync();
        await Expect(Row(page, number)).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_ShowsTheServicesOwnFigures_ForTheSignedInUnit()
    {
        await StaffApi.FileTicketNumberAsync(console.Client, GridOne, "小区门口井盖松动。");
        var token = await StaffApi.TokenAsync(console.Client, "cs-xyz-01-1");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/reports/summary?period=today", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var page = await console.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, "cs-xyz-01-1");

        await page.GetByRole(AriaRole.Tab, new() { Name = "数据看板" }).ClickAsync();
        var body = page.Locator("#dashboard-body");
        await Expect(body).ToContainTextAsync("子牙社区");
        using var response = await console.Client.SendAsync(request);
        var summary = await response.ReadJsonAsync();

        Assert.True(summary.GetProperty("submitted").GetInt32() >= 1);
        await Expect(Figure(page, "新增工单")).ToContainTextAsync(summary.GetProperty("submitted").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Figure(page, "在办工单")).ToContainTextAsync(summary.GetProperty("openTickets").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_DrawsTheFiguresChartAndSupervisedList_FromTheSummary()
    {
        var page = await console.OpenConsoleAsync();
        // Formatting of every figure (percentages, minutes, hours, empty rates, the chart) needs numbers chosen for
        // the purpose, which a live store of a few test tickets cannot give; the live path is the test above.
        string? query = null;
        await page.RouteAsync("**/api/reports/summary**", async route =>
        {
            query = new Uri(route.Request.Url).Query;
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = SampleSummary });
        });
        await ConsoleFixture.SignInAsync(page, "ss-xyz-1");

        await page.GetByRole(AriaRole.Tab, new() { Name = "数据看板" }).ClickAsync();
        var body = page.Locator("#dashboard-body");
        await Expect(body).ToContainTextAsync("西于庄街道");
        await Expect(Figure(page, "办结率")).ToContainTextAsync("75%");
        await Expect(Figure(page, "按时办结率")).ToContainTextAsync("90%");
        await Expect(Figure(page, "平均受理时长")).ToContainTextAsync("42分钟");
        await Expect(Figure(page, "平均办结时长")).ToContainTextAsync("6.5小时");
        await Expect(Figure(page, "满意率")).ToContainTextAsync("—");
        await Expect(Figure(page, "各级升级次数")).ToContainTextAsync("社区 3 · 街道 1 · 区 0");
        await Expect(Figure(page, "督办中")).ToContainTextAsync("1");
        await Expect(body.Locator("svg rect")).ToHaveCountAsync(14);
        await Expect(body.Locator("table")).ToContainTextAsync("HQ-20261101-0003");
        Assert.Equal("?period=today", query);
        await SaveScreenshotAsync(page, "dashboard.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "本月" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "本月" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(body).ToContainTextAsync("75%");
        Assert.Equal("?period=month", query);
        await page.Context.CloseAsync();
    }

    private const string SampleSummary = """
        {
          "scope": { "id": "s-xyz", "name": "西于庄街道", "level": "street" },
          "period": { "from": "2026-11-01", "to": "2026-11-07" },
          "openTickets": 12, "submitted": 40, "closed": 30,
          "closureRate": 0.75, "onTimeRate": 0.9, "averageAcceptMinutes": 42, "averageResolveHours": 6.5,
          "escalations": { "community": 3, "street": 1, "district": 0 },
          "satisfaction": { "rate": null, "satisfied": 0, "fairlySatisfied": 0, "dissatisfied": 0 },
          "supervisedOpen": 1,
          "daily": [
            { "date": "2026-11-01", "submitted": 5, "closed": 3 },
            { "date": "2026-11-02", "submitted": 7, "closed": 4 },
            { "date": "2026-11-03", "submitted": 4, "closed": 6 },
            { "date": "2026-11-04", "submitted": 8, "closed": 5 },
            { "date": "2026-11-05", "submitted": 6, "closed": 4 },
            { "date": "2026-11-06", "submitted": 3, "closed": 5 },
            { "date": "2026-11-07", "submitted": 7, "closed": 3 }
          ],
          "supervised": [
            { "number": "HQ-20261101-0003", "category": "垃圾堆放", "level": "street", "holder": "西于庄街道", "since": "2026-11-03T02:00:00Z" }
          ]
        }
        """;

    private static ILocator Row(IPage page, string number) => page.Locator($"#queue-list li[data-number='{number}']");

    private static ILocator Figure(IPage page, string label) =>
        page.Locator(".figure").Filter(new() { Has = page.Locator(".label", new() { HasTextRegex = new Regex($"^{label}$") }) });

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ConsoleFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleFixture.ScreenshotFolder, name), FullPage = true });
    }

    [GeneratedRegex("剩余|已超时")]
    private static partial Regex RemainingOrOverdue();

    [GeneratedRegex(@"\bfresh\b")]
    private static partial Regex FreshClass();
}
