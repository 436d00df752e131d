using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenBot.Bot.Tests.AdminConsole;

/// <summary>
/// The admins' console in a real browser, served and signed in by the real host, with the admin API answered by
/// <see cref="AdminApiStub"/>: what the page sends for each curation step and what it shows of the answers.
/// </summary>
public sealed class AdminConsoleTests(AdminConsoleFixture admin) : IClassFixture<AdminConsoleFixture>
{
    private async Task<(IPage Page, AdminApiStub Api)> SignedInAsync(string hash = "", AdminApiStub? api = null, int width = 1366, int height = 900)
    {
        api ??= new AdminApiStub();
        var page = await admin.OpenAsync(api, width, height);
        await AdminConsoleFixture.SignInAsync(page);
        await Expect(page.Locator("#work-view")).ToBeVisibleAsync();
        if (hash.Length > 0)
        {
            await page.EvaluateAsync("hash => { location.hash = hash; }", hash);
        }

        return (page, api);
    }

    [Fact]
    public async Task SignIn_ShowsOnlyTheRefusal_WhenTheUserIsNotAnAdmin()
    {
        var api = new AdminApiStub();
        var page = await admin.OpenAsync(api);

        await AdminConsoleFixture.SignInAsync(page, StaffApi.District);

        await Expect(page.Locator("#refusal")).ToHaveTextAsync("仅限区平台管理员使用");
        await Expect(page.Locator("#work-view")).ToBeHiddenAsync();
        await Expect(page.Locator("#sign-in-view")).ToBeHiddenAsync();
        await Expect(page.Locator("#who")).ToBeHiddenAsync();
        Assert.Empty(api.Requests);
        await AdminConsoleFixture.SaveScreenshotAsync(page, "refusal.png");

        // A refused sign-in keeps no token: a reload asks again, still without calling the admin API.
        await page.ReloadAsync();
        await Expect(page.Locator("#sign-in-view")).ToBeVisibleAsync();
        Assert.Empty(api.Requests);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnyAdminCall_ShowsTheRefusal_WhenTheApiAnswers403()
    {
        var api = new AdminApiStub
        {
            Override = call => call.Path.StartsWith("/api/admin/entries", StringComparison.Ordinal)
                ? (403, AdminApiStub.Serialize(new { title = "无权操作", detail = "仅限管理员。" }))
                : null,
        };
        var page = await admin.OpenAsync(api);

        await AdminConsoleFixture.SignInAsync(page);

        await Expect(page.Locator("#refusal-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#refusal")).ToHaveTextAsync("仅限区平台管理员使用");
        await Expect(page.Locator("#work-view")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EditAndPublish_SendsTheEditsWithTheRevision_AndShowsTheEntryPublished()
    {
        var (page, api) = await SignedInAsync();
        var rows = page.Locator("#entry-rows tr");
        await Expect(rows).ToHaveCountAsync(2);

        await page.Locator("#search-category").SelectOptionAsync(new SelectOptionValue { Label = "养老服务" });
        await Expect(rows).ToHaveCountAsync(1);
        Assert.Contains(api.Calls("GET", "/api/admin/entries?"), c => c.Path.Contains("category=elderly", StringComparison.Ordinal));
        await page.Locator("#search-category").SelectOptionAsync(new SelectOptionValue { Label = "全部分类" });
        await Expect(rows).ToHaveCountAsync(2);

        await page.GetByLabel("搜索").FillAsync("高龄");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        Assert.Contains(api.Calls("GET", "/api/admin/entries?"), c => c.Path.Contains("q=高龄", StringComparison.Ordinal));
        await Expect(rows.First).ToContainTextAsync("养老服务");

        await rows.GetByRole(AriaRole.Link, new() { Name = "高龄津贴怎么申请？" }).ClickAsync();
        var editor = page.Locator("#editor");
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "高龄津贴怎么申请？" })).ToBeVisibleAsync();
        await Expect(editor.Locator("#editor-meta")).ToContainTextAsync("草稿");
        await Expect(page.GetByLabel("备选问法（每行一个）")).ToHaveValueAsync("80岁老人补贴");

        await page.GetByLabel("备选问法（每行一个）").FillAsync("80岁老人补贴\n\n 高龄补贴在哪里领 ");
        await page.GetByLabel("答案（Markdown）").FillAsync("年满**80周岁**的老人可在户籍所在社区申请高龄津贴。");
        await page.GetByLabel("标签（用逗号或顿号分隔）").FillAsync("高龄、津贴, 养老");
        await editor.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();

        await Expect(editor.Locator("#editor-meta [data-field=status]")).ToHaveTextAsync("已发布");
        await Expect(page.Locator("#entry-rows tr[data-id='elderly-03'] [data-field=status]")).ToHaveTextAsync("已发布");
        await Expect(page.Locator("#announce")).ToContainTextAsync("已发布");
        var put = Assert.Single(api.Calls("PUT", "/api/admin/entries/"));
        Assert.Equal("/api/admin/entries/elderly-03", put.Path);
        var body = put.Body!.Value;
        Assert.Equal("published", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("revision").GetInt32());
        Assert.Equal(["80岁老人补贴", "高龄补贴在哪里领"], Strings(body, "questions"));
        Assert.Equal(["高龄", "津贴", "养老"], Strings(body, "tags"));
        Assert.Equal("年满**80周岁**的老人可在户籍所在社区申请高龄津贴。", body.GetProperty("answer").GetString());
        Assert.Equal("elderly", body.GetProperty("category").GetString());
        await AdminConsoleFixture.SaveScreenshotAsync(page, "entries.png");

        // Nothing edited since: 下线 and 发布 are the plain transitions, no save.
        await editor.GetByRole(AriaRole.Button, new() { Name = "下线" }).ClickAsync();
        await Expect(editor.Locator("#editor-meta [data-field=status]")).ToHaveTextAsync("已下线");
        await editor.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Expect(editor.Locator("#editor-meta [data-field=status]")).ToHaveTextAsync("已发布");
        Assert.Single(api.Calls("POST", "/api/admin/entries/elderly-03/retire"));
        Assert.Single(api.Calls("POST", "/api/admin/entries/elderly-03/publish"));
        Assert.Single(api.Calls("PUT", "/api/admin/entries/"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewEntry_SavesADraft_WithTheFormsFields_OnATabletInPortrait()
    {
        var (page, api) = await SignedInAsync(width: 820, height: 1180);
        await page.GetByRole(AriaRole.Link, new() { Name = "新建条目" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "新建条目" })).ToBeVisibleAsync();
        // Too narrow for list and editor side by side: the editor takes the screen.
        await Expect(page.Locator(".entry-list")).ToBeHiddenAsync();

        await page.GetByLabel("标题").FillAsync("电动自行车能在楼道充电吗？");
        await page.GetByLabel("答案（Markdown）").FillAsync("不能。请到小区集中充电点充电。");
        await page.Locator("#editor").GetByLabel("分类").FillAsync("heating");
        await page.GetByLabel("依据来源").FillAsync("《高层民用建筑消防安全管理规定》");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        await Expect(page.Locator("#editor-meta [data-field=status]")).ToHaveTextAsync("草稿");
        await Expect(page.Locator("#field-id")).ToBeHiddenAsync();
        await Expect(page.Locator("#editor-meta")).ToHaveTextAsync("草稿 heating-3 · 第 1 版 · 2026/11/21 10:00 · admin");
        var post = Assert.Single(api.Calls("POST", "/api/admin/entries"));
        var body = post.Body!.Value;
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.False(body.TryGetProperty("id", out _));
        Assert.False(body.TryGetProperty("revision", out _));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("department").ValueKind);
        Assert.Equal("《高层民用建筑消防安全管理规定》", body.GetProperty("source").GetString());
        Assert.Empty(Strings(body, "questions"));
        Assert.EndsWith("#/entries/heating-3", page.Url, StringComparison.Ordinal);
        await AdminConsoleFixture.SaveScreenshotAsync(page, "editor-tablet.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "← 返回列表" }).ClickAsync();
        await Expect(page.Locator("#editor")).ToBeHiddenAsync();
        await Expect(page.Locator("#entry-rows tr[data-id='heating-3']")).ToContainTextAsync("草稿");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Save_ShowsValidationMessagesAtTheirFields_AndAConflictAsRefresh()
    {
        var api = new AdminApiStub();
        var (page, _) = await SignedInAsync($"#/entries/{AdminApiStub.HeatingEntry}", api);
        await Expect(page.GetByLabel("标题")).ToHaveValueAsync("供暖温度不达标怎么办？");
        api.Override = call => call.Method == "PUT"
            ? (400, AdminApiStub.Serialize(new
            {
                title = "条目内容有误",
                status = 400,
                errors = new Dictionary<string, string[]>
                {
                    ["title"] = ["标题不能为空。"],
                    ["questions[1]"] = ["问法不能超过 200 字。"],
                    ["updated"] = ["日期格式应为 YYYY-MM-DD。"],
                },
            }))
            : null;

        await page.GetByLabel("标题").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        await Expect(page.Locator("#ed-title-error")).ToHaveTextAsync("标题不能为空。");
        await Expect(page.GetByLabel("标题")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#ed-questions-error")).ToHaveTextAsync("问法不能超过 200 字。");
        await Expect(page.Locator("#ed-answer-error")).ToBeHiddenAsync();
        // A field the form does not have: said above the buttons instead.
        await Expect(page.Locator("#editor-error")).ToContainTextAsync("日期格式应为 YYYY-MM-DD。");
        await Expect(page.GetByLabel("标题")).ToBeFocusedAsync();
        await AdminConsoleFixture.SaveScreenshotAsync(page, "validation.png");

        api.Override = call => call.Method == "PUT" ? (409, AdminApiStub.Serialize(new { title = "条目已被修改", status = 409 })) : null;
        await page.GetByLabel("标题").FillAsync("供暖温度不够怎么办？");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        await Expect(page.Locator("#editor-error")).ToContainTextAsync("条目已被他人修改，请刷新");
        await Expect(page.Locator("#ed-title-error")).ToBeHiddenAsync();
        await page.Locator("#editor-error").GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await Expect(page.GetByLabel("标题")).ToHaveValueAsync("供暖温度不达标怎么办？");
        await Expect(page.Locator("#editor-error")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task History_ShowsTheDiff_WithAddedAndRemovedLinesMarkedBesidesColour()
    {
        var (page, api) = await SignedInAsync($"#/entries/{AdminApiStub.HeatingEntry}");
        var history = page.Locator("#history-list li");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First).ToContainTextAsync("第 2 版 · 编辑");

        await page.GetByRole(AriaRole.Button, new() { Name = "查看第 1 版到第 2 版的改动" }).ClickAsync();

        var diff = page.Locator("#diff");
        await Expect(diff.Locator("h4")).ToHaveTextAsync("第 1 版 → 第 2 版：新增 1 行，删除 1 行");
        var added = diff.Locator("li[data-kind=added]");
        var removed = diff.Locator("li[data-kind=removed]");
        await Expect(added.Locator(".marker")).ToHaveTextAsync("+");
        await Expect(added.Locator(".text")).ToHaveTextAsync("室温低于18℃时，可拨打供热热线报修。");
        await Expect(added.Locator(".sr-only")).ToHaveTextAsync("新增：");
        await Expect(removed.Locator(".marker")).ToHaveTextAsync("-");
        await Expect(removed.Locator(".text")).ToHaveTextAsync("室温低于16℃时，可拨打供热热线报修。");
        await Expect(diff.Locator("li[data-kind=same]")).ToHaveCountAsync(2);
        Assert.Single(api.Calls("GET", $"/api/admin/entries/{AdminApiStub.HeatingEntry}/diff?from=1&to=2"));
        // Not colour alone, but colour too: the two kinds are told apart by their backgrounds as well.
        var addedColour = await added.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var removedColour = await removed.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(addedColour, removedColour);
        await diff.ScrollIntoViewIfNeededAsync();
        await AdminConsoleFixture.SaveScreenshotAsync(page, "diff.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReviewQueue_ShowsTopicsAndWords_AndNewEntry_AcceptsTheTopicWithItsExamples()
    {
        var (page, api) = await SignedInAsync("#/review");
        var steady = page.Locator($"article[data-topic='{AdminApiStub.SteadyTopic}']");
        var burst = page.Locator($"article[data-topic='{AdminApiStub.BurstTopic}']");
        await Expect(steady.Locator("h4")).ToHaveTextAsync("充电桩 电动自行车");
        await Expect(steady).ToContainTextAsync("42 次提问");
        await Expect(steady).ToContainTextAsync("趋势 ×6.14");
        await Expect(steady.Locator(".examples li")).ToHaveTextAsync(AdminApiStub.SteadyExamples);
        await Expect(steady.Locator(".closest a")).ToHaveTextAsync([AdminApiStub.HeatingEntry, AdminApiStub.ElderlyEntry]);
        await Expect(steady.Locator(".badge.burst")).ToHaveCountAsync(0);
        await Expect(burst.Locator(".badge.burst")).ToHaveTextAsync("突发");
        await Expect(steady.Locator("svg[role=img]")).ToHaveAttributeAsync("aria-label", "主题「充电桩 电动自行车」提问次数：本期 42，上期 6");
        var word = page.Locator("tr[data-term='充电桩']");
        await Expect(word).ToContainTextAsync("40");
        await Expect(word).ToContainTextAsync("×6.83");
        await Expect(word.Locator("svg[role=img]")).ToHaveAttributeAsync("aria-label", "「充电桩」出现次数：本期 40，上期 5");
        await Expect(word.Locator("svg text")).ToContainTextAsync(["本期", "40", "上期", "5"]);
        await AdminConsoleFixture.SaveScreenshotAsync(page, "review.png");

        await steady.GetByRole(AriaRole.Button, new() { Name = "新建条目" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "由主题新建条目" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("标题")).ToHaveValueAsync(AdminApiStub.SteadyExamples[0]);
        await Expect(page.GetByLabel("备选问法（每行一个）")).ToHaveValueAsync(string.Join('\n', AdminApiStub.SteadyExamples));
        await page.GetByLabel("标题").FillAsync("小区能安装电动自行车充电桩吗？");
        await page.GetByLabel("答案（Markdown）").FillAsync("可以。向物业提出申请，由街道统一规划安装。");
        await page.Locator("#editor").GetByLabel("分类").FillAsync("heating");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建并发布" }).ClickAsync();

        await Expect(page.Locator("#editor-meta [data-field=status]")).ToHaveTextAsync("已发布");
        await Expect(page.GetByLabel("备选问法（每行一个）")).ToHaveValueAsync(string.Join('\n', AdminApiStub.SteadyExamples));
        var accept = Assert.Single(api.Calls("POST", $"/api/admin/mining/topics/{AdminApiStub.SteadyTopic}/accept"));
        var body = accept.Body!.Value;
        Assert.Equal("小区能安装电动自行车充电桩吗？", body.GetProperty("title").GetString());
        Assert.Equal("可以。向物业提出申请，由街道统一规划安装。", body.GetProperty("answer").GetString());
        Assert.Equal("heating", body.GetProperty("category").GetString());
        Assert.Empty(api.Calls("POST", "/api/admin/entries"));

        // Back in the queue the accepted topic is gone.
        await page.GetByRole(AriaRole.Link, new() { Name = "待审核" }).ClickAsync();
        await Expect(page.Locator("article.topic")).ToHaveCountAsync(1);
        await Expect(burst).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReviewQueue_SendsSynonymAttachAndDismiss_AndRemovesWhatWasDecided()
    {
        var (page, api) = await SignedInAsync("#/review");
        var word = page.Locator("tr[data-term='飞线充电']");
        await word.GetByRole(AriaRole.Button, new() { Name = "设为同义词" }).ClickAsync();
        await word.GetByLabel("「飞线充电」是哪个已有词的同义词").FillAsync("私拉电线");
        await word.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(word).ToHaveCountAsync(0);
        var synonym = Assert.Single(api.Calls("POST", "/api/admin/mining/terms/synonym")).Body!.Value;
        Assert.Equal("飞线充电", synonym.GetProperty("term").GetString());
        Assert.Equal("私拉电线", synonym.GetProperty("of").GetString());

        await page.Locator("tr[data-term='充电桩']").GetByRole(AriaRole.Button, new() { Name = "加入词库" }).ClickAsync();
        await Expect(page.Locator("[data-empty=terms]")).ToHaveTextAsync("没有待审核的新词。");
        Assert.Equal("充电桩", Assert.Single(api.Calls("POST", "/api/admin/mining/terms/accept")).Body!.Value.GetProperty("term").GetString());

        var steady = page.Locator($"article[data-topic='{AdminApiStub.SteadyTopic}']");
        await steady.GetByRole(AriaRole.Button, new() { Name = "并入已有条目" }).ClickAsync();
        await steady.GetByLabel(AdminApiStub.ElderlyEntry).CheckAsync();
        await steady.GetByRole(AriaRole.Button, new() { Name = "确认并入" }).ClickAsync();
        await Expect(steady).ToHaveCountAsync(0);
        var attach = Assert.Single(api.Calls("POST", $"/api/admin/mining/topics/{AdminApiStub.SteadyTopic}/attach"));
        Assert.Equal(AdminApiStub.ElderlyEntry, attach.Body!.Value.GetProperty("entryId").GetString());

        await page.Locator($"article[data-topic='{AdminApiStub.BurstTopic}']").GetByRole(AriaRole.Button, new() { Name = "忽略" }).ClickAsync();
        await Expect(page.Locator("[data-empty=topics]")).ToHaveTextAsync("没有待审核的未答主题。");
        Assert.Single(api.Calls("POST", $"/api/admin/mining/topics/{AdminApiStub.BurstTopic}/dismiss"));

        // 立即挖掘 runs the miners, then shows the queue as the service now has it.
        var latestBefore = api.Calls("GET", "/api/admin/mining/latest").Count;
        await page.GetByRole(AriaRole.Button, new() { Name = "立即挖掘" }).ClickAsync();
        await Expect(page.Locator("#announce")).ToHaveTextAsync("挖掘完成。");
        Assert.Single(api.Calls("POST", "/api/admin/mining/run"));
        Assert.Equal(latestBefore + 1, api.Calls("GET", "/api/admin/mining/latest").Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Quality_DrawsTheDailyChartWithLabels_AndWorstEntriesOpenTheEditor()
    {
        var (page, api) = await SignedInAsync("#/quality");
        var chart = page.Locator("svg.quality-chart");
        await Expect(chart).ToHaveAttributeAsync("aria-label", "每日问题处理情况，共 30 天，单日最多 129 个问题，转人工率最高 7.8%");
        await Expect(chart.Locator("rect.bar-answered")).ToHaveCountAsync(30);
        await Expect(chart.Locator("rect.bar-abstained")).ToHaveCountAsync(30);
        await Expect(chart.Locator("polyline.line-handoff")).ToHaveCountAsync(1);
        await Expect(chart.Locator("rect.bar-answered title").First).ToHaveTextAsync("2026-10-24 直接回答 70");
        await Expect(chart.Locator("text")).ToContainTextAsync(["129", "0", "100%", "0%", "10-24"]);
        await Expect(page.Locator(".legend")).ToContainTextAsync("转人工率（折线）");
        await Expect(page.Locator("[data-total=questions] .value")).ToHaveTextAsync("3435");
        await Expect(page.Locator("[data-total=answerRate] .value")).ToHaveTextAsync("74.6%");
        await Expect(page.Locator("[data-total=handoffRate] .value")).ToHaveTextAsync("5.3%");
        await AdminConsoleFixture.SaveScreenshotAsync(page, "quality.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "近7天" }).ClickAsync();
        await Expect(chart.Locator("rect.bar-answered")).ToHaveCountAsync(7);
        Assert.Single(api.Calls("GET", "/api/admin/quality?days=7"));

        await page.Locator("tr[data-entry='heating-01']").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByLabel("标题")).ToHaveValueAsync("供暖温度不达标怎么办？");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Import_ShowsEachFilesErrors_ThenTheCounts_AndExportDownloadsTheZip()
    {
        var api = new AdminApiStub
        {
            ImportAnswer = (400, """
                {"title":"导入失败","errors":[{"file":"faq/heating/heating-09.md","line":3,"message":"'title' is missing or blank"},
                 {"file":"faq/heating/heating-10.md","line":12,"message":"answer is empty"}]}
                """),
        };
        var (page, _) = await SignedInAsync("#/transfer", api);
        using var folder = new TempDirectory();
        var heating = Directory.CreateDirectory(Path.Combine(folder.Path, "heating")).FullName;
        await File.WriteAllTextAsync(Path.Combine(heating, "heating-09.md"), "---\nid: heating-09\n---\n");
        await File.WriteAllTextAsync(Path.Combine(heating, "notes.txt"), "不是条目");
        await page.GetByLabel("或 Markdown 文件夹").SetInputFilesAsync(heating);
        var import = page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true });
        await import.ClickAsync();

        var result = page.Locator("#import-result");
        await Expect(result).ToContainTextAsync("导入失败");
        await Expect(result.Locator(".import-errors li")).ToHaveTextAsync(
            ["faq/heating/heating-09.md:3 'title' is missing or blank", "faq/heating/heating-10.md:12 answer is empty"]);
        await AdminConsoleFixture.SaveScreenshotAsync(page, "import-errors.png");

        // Multipart, field `files`, the folder's .md files only, named by their path in the folder.
        var sent = Assert.Single(api.Calls("POST", "/api/admin/import"));
        Assert.Null(sent.Body);
        Assert.Contains("name=\"files\"; filename=\"heating/heating-09.md\"", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.txt", sent.Text, StringComparison.Ordinal);

        api.ImportAnswer = (200, """{"added":2,"updated":1,"unchanged":5}""");
        await page.GetByLabel("JSON Lines 文件（.jsonl）").SetInputFilesAsync(
            new FilePayload { Name = "entries.jsonl", MimeType = "application/jsonl", Buffer = AdminApiStub.Utf8("{}\n") });
        await import.ClickAsync();
        await Expect(result).ToHaveTextAsync("导入完成：新增 2 条，更新 1 条，未变 5 条。");
        await AdminConsoleFixture.SaveScreenshotAsync(page, "transfer.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "导出" }).ClickAsync());
        Assert.Matches(@"^knowledge-base-\d{8}\.zip$", download.SuggestedFilename);
        Assert.Single(api.Calls("GET", "/api/admin/export"));
        await page.Context.CloseAsync();
    }

    private static string[] Strings(JsonElement body, string property) =>
        [.. body.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
