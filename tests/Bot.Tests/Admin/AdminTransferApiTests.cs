using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// <c>/api/admin/export</c> and <c>/api/admin/import</c> over real Kestrel: the knowledge-base format out as a zip and
/// in as a multipart upload, all of it or nothing.
/// </summary>
public sealed class AdminTransferApiTests(AdminServiceFixture service) : IClassFixture<AdminServiceFixture>
{
    private HttpClient Admin => service.Admin;

    [Fact]
    public async Task Export_ZipsEveryStoredEntryOfEveryStatus_WithTheContentFiles()
    {
        await Admin.CreateAsync(AdminApi.EntryBody("export-draft-01", "社区跳蚤市场什么时候办？", "每月第一个周六在社区广场举办。"));
        await Admin.CreateAsync(AdminApi.EntryBody("export-retired-01", "社区疫苗接种点在哪？", "已撤销，请到社区卫生服务中心。", "vaccination", "published"));
        using (var retire = await Admin.PostAsync(AdminApi.Url("api/admin/entries/export-retired-01/retire"), null))
        {
            Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        }

        var stored = await AllEntriesAsync();
        using var response = await Admin.GetAsync(AdminApi.Url("api/admin/export"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            stored.Select(e => $"faq/{e.Category}/{e.Id}.md").Order(StringComparer.Ordinal),
            names.Where(n => n.StartsWith("faq/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("lexicon.txt", names);
        Assert.Contains("synonyms.txt", names);
        Assert.Contains("faq-categories.yaml", names);

        Assert.Contains("status: draft", await ReadAsync(zip, "faq/grid/export-draft-01.md"), StringComparison.Ordinal);
        Assert.Contains("status: retired", await ReadAsync(zip, "faq/vaccination/export-retired-01.md"), StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.KnowledgeBase, "faq-categories.yaml")), await ReadAsync(zip, "faq-categories.yaml"));
    }

    [Fact]
    public async Task Import_AddsAJsonlFilesEntries_AndTheyAreAnsweredAtOnce()
    {
        var jsonl = Jsonl(
            Line("import-jsonl-01", "社区食堂几点开饭？", "社区长者食堂中午十一点到十二点半供餐。", "elderly"),
            Line("import-jsonl-02", "小区快递柜满了怎么办？", "联系快递员改投驿站，或拨打快递柜客服电话。", "property"));

        using var response = await UploadAsync(("entries.jsonl", jsonl));

        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import answered {(int)response.StatusCode}: {body}");
        Assert.Equal((2, 0, 0), (body.GetProperty("added").GetInt32(), body.GetProperty("updated").GetInt32(), body.GetProperty("unchanged").GetInt32()));
        Assert.Equal("import-jsonl-01", (await service.Anonymous.SearchAsync("社区食堂几点开饭？")).AnswerId);
        Assert.Equal("import-jsonl-02", (await service.Anonymous.SearchAsync("小区快递柜满了怎么办？")).AnswerId);

        using var again = await UploadAsync(("entries.jsonl", jsonl));
        var second = await again.ReadJsonAsync();
        Assert.Equal((0, 0, 2), (second.GetProperty("added").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));

        using var history = await Admin.GetAsync(AdminApi.Url("api/admin/entries/import-jsonl-01/revisions"));
        var revision = Assert.Single((await history.ReadJsonAsync()).EnumerateArray());
        Assert.Equal(("imported", StaffApi.Admin), (revision.Text("action"), revision.Text("author")));
    }

    [Fact]
    public async Task Import_Answers400NamingTheUploadedFileAndLine_AndImportsNothing_WhenALineIsInvalid()
    {
        var jsonl = Jsonl(
            Line("import-bad-01", "社区理发服务还有吗？", "每月十五号社区服务站有志愿者义务理发。", "elderly"),
            """{"id":"import-bad-02","category":"elderly","questions":["没有标题"],"answer":"缺少标题的条目。"}""");

        using var response = await UploadAsync(("my-entries.jsonl", jsonl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Contains("导入未执行", body.Text("title"), StringComparison.Ordinal);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(("my-entries.jsonl", 2), (error.Text("file"), error.GetProperty("line").GetInt32()));
        Assert.Contains("title", error.Text("message"), StringComparison.Ordinal);
        using var first = await Admin.GetAsync(AdminApi.Entry("import-bad-01"));
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
    }

    [Fact]
    public async Task Import_AddsMarkdownEntries_UploadedWithAFoldersRelativePaths()
    {
        using var response = await UploadAsync(
            ("faq/grid/import-md-01.md", Markdown("import-md-01", "grid", "社区议事会怎么参加？", "关注社区公告栏，每月最后一个周五晚上在社区会议室召开。")),
            ("faq/parking/import-md-02.md", Markdown("import-md-02", "parking", "小区充电桩怎么申请安装？", "先征得物业同意，再向供电公司提交报装申请。")));

        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import answered {(int)response.StatusCode}: {body}");
        Assert.Equal(2, body.GetProperty("added").GetInt32());
        using var entry = await Admin.GetAsync(AdminApi.Entry("import-md-02"));
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        var stored = await entry.ReadJsonAsync();
        Assert.Equal(("parking", "published"), (stored.Text("category"), stored.Text("status")));
        Assert.Equal("import-md-01", (await service.Anonymous.SearchAsync("社区议事会怎么参加？")).AnswerId);
    }

    [Fact]
    public async Task Import_NamesTheMarkdownFileByItsUploadedPath_WhenItIsInvalid()
    {
        using var response = await UploadAsync(
            ("faq/grid/import-md-ok.md", Markdown("import-md-ok", "grid", "社区有自习室吗？", "社区党群服务中心二楼有自习室。")),
            ("faq/grid/import-md-bad.md", Markdown("import-md-bad", "grid", "社区有自习室吗？", "").Replace("status: published", "status: someday", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("faq/grid/import-md-bad.md", e.Text("file")));
        using var entry = await Admin.GetAsync(AdminApi.Entry("import-md-ok"));
        Assert.Equal(HttpStatusCode.NotFound, entry.StatusCode);
    }

    [Fact]
    public async Task Import_NamesTheFileAsTheBrowserSentIt_WhenTheNameIsChinese()
    {
        var jsonl = Jsonl("""{"id":"import-zh-01","category":"grid","questions":["没有标题"],"answer":"缺少标题。"}""");
        // A browser writes the UTF-8 name as it is, not as an RFC 2047 word the way HttpClient would.
        using var form = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(jsonl));
        part.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"files\"; filename=\"社区条目.jsonl\"");
        form.Add(part);
        using var response = await Admin.PostAsync(AdminApi.Url("api/admin/import"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadJsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal(("社区条目.jsonl", 1), (error.Text("file"), error.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Import_UpdatesAChangedSeedEntry_AsAnImportedRevision()
    {
        var jsonl = Jsonl(Line("vaccination-01", "新生儿疫苗去哪里打？", "到户籍所在地社区卫生服务中心预防接种门诊接种。", "vaccination"));

        using var response = await UploadAsync(("vaccination.jsonl", jsonl));

        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import answered {(int)response.StatusCode}: {body}");
        Assert.Equal((0, 1, 0), (body.GetProperty("added").GetInt32(), body.GetProperty("updated").GetInt32(), body.GetProperty("unchanged").GetInt32()));
        using var history = await Admin.GetAsync(AdminApi.Url("api/admin/entries/vaccination-01/revisions"));
        var latest = (await history.ReadJsonAsync())[0];
        Assert.Equal(("imported", "新生儿疫苗去哪里打？"), (latest.Text("action"), latest.Text("title")));
    }

    [Theory]
    [InlineData("../../evil.md")]
    [InlineData("faq/../../evil.md")]
    [InlineData("/etc/../evil.md")]
    public async Task Import_Answers400_ForAFileNameClimbingOutOfTheFolder(string fileName)
    {
        using var response = await UploadAsync((fileName, Markdown("import-evil-01", "grid", "越界的条目？", "不应被导入。")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var entry = await Admin.GetAsync(AdminApi.Entry("import-evil-01"));
        Assert.Equal(HttpStatusCode.NotFound, entry.StatusCode);
    }

    [Fact]
    public async Task Import_Answers400WithAChineseTitle_ForABodyThatIsNotMultipart()
    {
        using var content = new StringContent(Line("import-json-01", "不是表单的上传？", "不应被导入。", "grid"), Encoding.UTF8, "application/json");
        using var response = await Admin.PostAsync(AdminApi.Url("api/admin/import"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", (await response.ReadJsonAsync()).Text("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Answers400AndImportsNothing_ForTwoJsonlFilesOrJsonlMixedWithMarkdown()
    {
        var jsonl = Jsonl(Line("import-mixed-01", "社区书法班怎么报名？", "到社区服务站报名。", "grid"));
        var markdown = Markdown("import-mixed-02", "grid", "社区合唱团怎么报名？", "到社区服务站报名。");

        using var two = await UploadAsync(("a.jsonl", jsonl), ("b.jsonl", jsonl));
        using var mixed = await UploadAsync(("a.jsonl", jsonl), ("faq/grid/import-mixed-02.md", markdown));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (two.StatusCode, mixed.StatusCode));
        using var entry = await Admin.GetAsync(AdminApi.Entry("import-mixed-01"));
        Assert.Equal(HttpStatusCode.NotFound, entry.StatusCode);
    }

    [Theory]
    [InlineData("--b0undary--\r\n")]
    [InlineData("--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.jsonl\"\r\n\r\n{\"id\":")]
    public async Task Import_Answers400NotA500_ForAMalformedMultipartBody(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");

        using var response = await Admin.PostAsync(AdminApi.Url("api/admin/import"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadJsonAsync()).Text("title")));
    }

    [Fact]
    public async Task Import_Answers400_ForAFileThatIsNeitherJsonlNorMarkdown()
    {
        using var response = await UploadAsync(("entries.csv", "id,title\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> UploadAsync(params (string Name, string Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return await Admin.PostAsync(AdminApi.Url("api/admin/import"), form);
    }

    private async Task<List<(string Id, string Category)>> AllEntriesAsync()
    {
        var entries = new List<(string, string)>();
        for (var page = 1; ; page++)
        {
            using var response = await Admin.GetAsync(AdminApi.Url($"api/admin/entries?pageSize=200&page={page}"));
            var body = await response.ReadJsonAsync();
            var items = body.GetProperty("items").EnumerateArray().Select(i => (i.Text("id"), i.Text("category"))).ToList();
            entries.AddRange(items);
            if (items.Count == 0 || entries.Count >= body.GetProperty("total").GetInt32())
            {
                return entries;
            }
        }
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        var entry = zip.Entries.Single(e => e.FullName.Replace('\\', '/') == name);
        using var reader = new StreamReader(await entry.OpenAsync(), Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static string Jsonl(params string[] lines) => string.Join("\n", lines) + "\n";

    private static string Line(string id, string title, string answer, string category) => JsonSerializer.Serialize(new
    {
        id,
        category,
        title,
        questions = new[] { title.TrimEnd('？') },
        answer,
        tags = new[] { "导入" },
        department = "社区服务站",
        status = "published",
    });

    private static string Markdown(string id, string category, string title, string answer) => $"""
        ---
        id: {id}
        title: {title}
        questions:
          - {title.TrimEnd('？')}
        category: {category}
        tags: [导入]
        department: 社区服务站
        updated: 2026-11-20
        status: published
        ---
        {answer}

        """;
}
