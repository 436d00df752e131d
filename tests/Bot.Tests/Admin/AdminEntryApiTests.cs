using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// <c>/api/admin/entries</c> and <c>/api/admin/categories</c> over real Kestrel: the draft → publish → edit → retire
/// lifecycle as the live search sees it, revisions and diffs, validation, conflicts, the list's filters, and who may
/// call the admin API at all. Each test works on entries of its own ids, so they share one service.
/// </summary>
public sealed class AdminEntryApiTests(AdminServiceFixture service) : IClassFixture<AdminServiceFixture>
{
    private const string LibraryTitle = "社区图书角周末开放吗？";
    private const string LibraryAnswer = "社区图书角周六、周日上午九点到十一点开放，凭身份证可以免费借阅图书。";
    private const string EditedAnswer = "社区图书角周六、周日上午九点到十一点开放，借阅期限为两周，可以续借一次。";

    private HttpClient Admin => service.Admin;

    /// <summary>One route of each admin group: entries, categories, export, import, mining, quality.</summary>
    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "GET", "api/admin/entries" },
        { "POST", "api/admin/entries" },
        { "GET", "api/admin/entries/heating-01" },
        { "GET", "api/admin/categories" },
        { "GET", "api/admin/export" },
        { "POST", "api/admin/import" },
        { "POST", "api/admin/mining/run" },
        { "GET", "api/admin/mining/latest" },
        { "POST", "api/admin/mining/terms/accept" },
        { "GET", "api/admin/quality?days=7" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_Answers401_WithoutAToken(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), AdminApi.Url(path));
        using var response = await service.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_Answers403_ForAGridWorkersToken(string method, string path)
    {
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);
        using var request = new HttpRequestMessage(new HttpMethod(method), AdminApi.Url(path));
        using var response = await worker.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Entry_GoesLiveOnPublish_TakesEditsByRevision_AndLeavesSearchOnRetire()
    {
        const string id = "apitest-library-01";

        // A draft: stored, revision 1, but residents are never answered from it.
        using var created = await Admin.PostAsJsonAsync(AdminApi.Url("api/admin/entries"), AdminApi.EntryBody(id, LibraryTitle, LibraryAnswer));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/admin/entries/{id}", created.Headers.Location?.OriginalString);
        var draft = await created.ReadJsonAsync();
        Assert.Equal(id, draft.Text("id"));
        Assert.Equal("draft", draft.Text("status"));
        Assert.Equal(1, draft.GetProperty("revision").GetInt32());
        Assert.Equal(StaffApi.Admin, draft.Text("changedBy"));
        Assert.DoesNotContain(id, (await service.Anonymous.SearchAsync(LibraryTitle)).Hits);

        using var published = await Admin.PostAsync(AdminApi.Url($"api/admin/entries/{id}/publish"), null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var live = await published.ReadJsonAsync();
        Assert.Equal("published", live.Text("status"));
        Assert.Equal(2, live.GetProperty("revision").GetInt32());
        var search = await service.Anonymous.SearchAsync(LibraryTitle);
        Assert.Equal(("answer", id), (search.Decision, search.AnswerId));

        // An edit from the revision the admin read is saved as the next one.
        var edit = AdminApi.EntryBody(id, LibraryTitle, EditedAnswer);
        edit["revision"] = 2;
        edit["status"] = null;
        using var edited = await Admin.PutAsJsonAsync(AdminApi.Entry(id), edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var third = await edited.ReadJsonAsync();
        Assert.Equal(3, third.GetProperty("revision").GetInt32());
        Assert.Equal(EditedAnswer, third.Text("answer"));
        Assert.Equal("published", third.Text("status"));

        // The same edit from revision 2 again: someone (this admin) moved the entry on since.
        edit["answer"] = LibraryAnswer;
        using var stale = await Admin.PutAsJsonAsync(AdminApi.Entry(id), edit);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("条目已被他人修改", (await stale.ReadJsonAsync()).Text("title"));
        Assert.Equal(EditedAnswer, (await GetEntryAsync(id)).Text("answer"));

        using var retired = await Admin.PostAsync(AdminApi.Url($"api/admin/entries/{id}/retire"), null);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal("retired", (await retired.ReadJsonAsync()).Text("status"));
        Assert.DoesNotContain(id, (await service.Anonymous.SearchAsync(LibraryTitle)).Hits);

        using var history = await Admin.GetAsync(AdminApi.Url($"api/admin/entries/{id}/revisions"));
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var revisions = (await history.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal([4, 3, 2, 1], revisions.Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal(["retired", "edited", "published", "created"], revisions.Select(r => r.Text("action")));
        Assert.Equal(["retired", "published", "published", "draft"], revisions.Select(r => r.Text("status")));
        Assert.All(revisions, r => Assert.Equal(StaffApi.Admin, r.Text("author")));
        Assert.All(revisions, r => Assert.Equal(LibraryTitle, r.Text("title")));

        using var diffResponse = await Admin.GetAsync(AdminApi.Url($"api/admin/entries/{id}/diff?from=1&to=3"));
        Assert.Equal(HttpStatusCode.OK, diffResponse.StatusCode);
        var diff = await diffResponse.ReadJsonAsync();
        Assert.Equal((1, 3), (diff.GetProperty("from").GetInt32(), diff.GetProperty("to").GetInt32()));
        var lines = diff.GetProperty("lines").EnumerateArray().Select(l => (Kind: l.Text("kind"), Text: l.Text("text"))).ToList();
        Assert.Contains(("added", EditedAnswer), lines);
        Assert.Contains(("removed", LibraryAnswer), lines);
        Assert.Contains(("removed", "status: draft"), lines);
        Assert.Contains(("added", "status: published"), lines);
        Assert.Contains(("same", $"title: {LibraryTitle}"), lines);
        Assert.All(lines, l => Assert.Contains(l.Kind, new[] { "same", "added", "removed" }));

        // Publishing brings a retired entry back.
        using var republished = await Admin.PostAsync(AdminApi.Url($"api/admin/entries/{id}/publish"), null);
        Assert.Equal(HttpStatusCode.OK, republished.StatusCode);
        Assert.Equal(id, (await service.Anonymous.SearchAsync(LibraryTitle)).AnswerId);
    }

    [Fact]
    public async Task Update_LetsExactlyOneOfTwoEditsFromTheSameRevisionWin()
    {
        const string id = "apitest-race-01";
        await Admin.CreateAsync(AdminApi.EntryBody(id, "社区健身器材坏了找谁修？", "联系社区居委会登记报修。"));
        var first = AdminApi.EntryBody(id, "社区健身器材坏了找谁修？", "拨打社区服务站电话报修。");
        var second = AdminApi.EntryBody(id, "社区健身器材坏了找谁修？", "在小程序上提交报修。");
        first["revision"] = 1;
        second["revision"] = 1;

        var responses = await Task.WhenAll(Admin.PutAsJsonAsync(AdminApi.Entry(id), first), Admin.PutAsJsonAsync(AdminApi.Entry(id), second));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadJsonAsync();
        Assert.Equal(winner.Text("answer"), (await GetEntryAsync(id)).Text("answer"));
        Assert.Equal(2, (await GetEntryAsync(id)).GetProperty("revision").GetInt32());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Create_PublishesAtOnceAndGeneratesAnId_WhenAskedForPublishedWithoutAnId()
    {
        var entry = await Admin.CreateAsync(AdminApi.EntryBody(null, "老年人助浴服务怎么预约？", "社区养老服务驿站提供助浴服务，每周二、周四上门，提前一天电话预约。", "elderly", "published"));

        Assert.Matches("^elderly-[0-9]{2,}$", entry.Text("id"));
        Assert.Equal("published", entry.Text("status"));
        Assert.Equal(entry.Text("id"), (await service.Anonymous.SearchAsync("老年人助浴服务怎么预约？")).AnswerId);
    }

    [Fact]
    public async Task Create_Answers409_WhenTheIdIsTaken()
    {
        using var response = await Admin.PostAsJsonAsync(AdminApi.Url("api/admin/entries"), AdminApi.EntryBody("heating-01", "暖气的另一个条目？", "另一个回答。", "heating"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("条目编号已被占用", (await response.ReadJsonAsync()).Text("title"));
        Assert.Equal("家里暖气不热怎么报修？", (await GetEntryAsync("heating-01")).Text("title"));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("category")]
    [InlineData("questions")]
    public async Task Create_Answers400WithTheFieldsError_WhenAFieldIsInvalid(string field)
    {
        var id = "apitest-invalid-" + field;
        var body = AdminApi.EntryBody(id, "无效条目的标题？", "无效条目的回答。");
        switch (field)
        {
            case "title":
                body.Remove("title");
                break;
            case "category":
                body["category"] = "no-such-category";
                break;
            default:
                body["questions"] = new[] { "有效的问题", "  " };
                break;
        }

        using var response = await Admin.PostAsJsonAsync(AdminApi.Url("api/admin/entries"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.NotEmpty(problem.ValidationErrors(field));
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        using var stored = await Admin.GetAsync(AdminApi.Entry(id));
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Update_Answers400AndKeepsTheEntry_WhenTheEditIsInvalid()
    {
        var entry = await Admin.CreateAsync(AdminApi.EntryBody("apitest-invalid-edit", "社区核酸点还开吗？", "社区核酸点已经撤销。"));
        var body = AdminApi.EntryBody("apitest-invalid-edit", "社区核酸点还开吗？", "   ");

        using var response = await Admin.PutAsJsonAsync(AdminApi.Entry("apitest-invalid-edit"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors("answer"));
        Assert.Equal(entry.Text("answer"), (await GetEntryAsync("apitest-invalid-edit")).Text("answer"));
    }

    [Theory]
    [InlineData("GET", "api/admin/entries/no-such-entry")]
    [InlineData("PUT", "api/admin/entries/no-such-entry")]
    [InlineData("POST", "api/admin/entries/no-such-entry/publish")]
    [InlineData("POST", "api/admin/entries/no-such-entry/retire")]
    [InlineData("GET", "api/admin/entries/no-such-entry/revisions")]
    [InlineData("GET", "api/admin/entries/no-such-entry/diff?from=1&to=2")]
    public async Task EntryRoute_Answers404_ForAnUnknownId(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), AdminApi.Url(path));
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(AdminApi.EntryBody(null, "不存在的条目？", "不存在。"));
        }

        using var response = await Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Update_Answers400ForId_WhenTheBodyNamesAnotherEntry()
    {
        await Admin.CreateAsync(AdminApi.EntryBody("apitest-rename-01", "社区老年大学怎么报名？", "每年九月在社区服务站报名。"));

        using var response = await Admin.PutAsJsonAsync(AdminApi.Entry("apitest-rename-01"), AdminApi.EntryBody("apitest-rename-02", "社区老年大学怎么报名？", "每年九月在社区服务站报名。"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors("id"));
        using var renamed = await Admin.GetAsync(AdminApi.Entry("apitest-rename-02"));
        Assert.Equal(HttpStatusCode.NotFound, renamed.StatusCode);
    }

    [Fact]
    public async Task Create_Answers400_ForABodyThatIsNotJson()
    {
        using var content = new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await Admin.PostAsync(AdminApi.Url("api/admin/entries"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("to=2", "from")]
    [InlineData("from=1", "to")]
    public async Task Diff_Answers400_WhenARevisionIsMissing(string query, string field)
    {
        using var response = await Admin.GetAsync(AdminApi.Url("api/admin/entries/heating-01/diff?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors(field));
    }

    [Fact]
    public async Task Diff_Answers404_ForARevisionTheEntryNeverHad()
    {
        await Admin.CreateAsync(AdminApi.EntryBody("apitest-diff-01", "社区有没有共享工具箱？", "社区服务站可以借用工具箱。"));

        using var response = await Admin.GetAsync(AdminApi.Url("api/admin/entries/apitest-diff-01/diff?from=1&to=2"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByTextStatusAndCategory_AndPagesNewestChangeFirst()
    {
        // Created in this order, so the newest change is the last one.
        await Admin.CreateAsync(AdminApi.EntryBody("apilist-01", "退役军人优待证怎么申领？", "到街道退役军人服务站申领。", "veterans"));
        await Admin.CreateAsync(AdminApi.EntryBody("apilist-02", "退役军人可以免费乘公交吗？", "持优待证可以免费乘坐市内公交。", "veterans", "published"));
        var third = AdminApi.EntryBody("apilist-03", "社区志愿者怎么报名？", "到社区服务站登记报名。");
        third["questions"] = new[] { "我想当 Volunteer 志愿者" };
        await Admin.CreateAsync(third);

        var all = await ListAsync("q=APILIST");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(["apilist-03", "apilist-02", "apilist-01"], Ids(all));
        var first = all.GetProperty("items")[0];
        Assert.Equal(("社区志愿者怎么报名？", "grid", "draft", 1, StaffApi.Admin), (first.Text("title"), first.Text("category"), first.Text("status"), first.GetProperty("revision").GetInt32(), first.Text("changedBy")));

        Assert.Equal(["apilist-03", "apilist-01"], Ids(await ListAsync("q=apilist&status=draft")));
        Assert.Equal(["apilist-02"], Ids(await ListAsync("q=apilist&status=published")));
        Assert.Equal(["apilist-02", "apilist-01"], Ids(await ListAsync("q=apilist&category=veterans")));
        Assert.Equal(["apilist-03"], Ids(await ListAsync("q=" + Uri.EscapeDataString("volunteer"))));
        Assert.Equal(["apilist-02"], Ids(await ListAsync("q=" + Uri.EscapeDataString("免费乘公交"))));

        var page1 = await ListAsync("q=apilist&pageSize=2");
        var page2 = await ListAsync("q=apilist&pageSize=2&page=2");
        Assert.Equal((3, 3), (page1.GetProperty("total").GetInt32(), page2.GetProperty("total").GetInt32()));
        Assert.Equal(["apilist-03", "apilist-02"], Ids(page1));
        Assert.Equal(["apilist-01"], Ids(page2));

        var heating = await ListAsync("category=heating&status=published&pageSize=200");
        Assert.Contains("heating-01", Ids(heating));
        Assert.All(heating.GetProperty("items").EnumerateArray(), i => Assert.Equal("heating", i.Text("category")));
    }

    [Theory]
    [InlineData("status=gone", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task List_Answers400_ForABadFilter(string query, string field)
    {
        using var response = await Admin.GetAsync(AdminApi.Url("api/admin/entries?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors(field));
    }

    [Fact]
    public async Task Categories_ListsTheCatalogsSlugsWithChineseNames()
    {
        using var response = await Admin.GetAsync(AdminApi.Url("api/admin/categories"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var categories = (await response.ReadJsonAsync()).EnumerateArray().Select(c => (Id: c.Text("id"), Name: c.Text("name"))).ToList();
        Assert.Contains(("heating", "供热采暖"), categories);
        Assert.Contains(("medical-insurance", "医疗保险"), categories);
        Assert.Equal(categories.Select(c => c.Id).Order(StringComparer.Ordinal), categories.Select(c => c.Id));
        var folders = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.KnowledgeBase, "faq")).Select(Path.GetFileName);
        Assert.All(folders, folder => Assert.Contains(folder, categories.Select(c => c.Id)));
    }

    private async Task<JsonElement> GetEntryAsync(string id)
    {
        using var response = await Admin.GetAsync(AdminApi.Entry(id));
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        using var response = await Admin.GetAsync(AdminApi.Url("api/admin/entries?" + query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.Text("id"))];
}
