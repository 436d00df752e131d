using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Knowledge.Tests.Curation;

public sealed class EntryCuratorTransferTests : IAsyncLifetime
{
    private CurationHarness _harness = null!;

    private EntryCurator Curator => _harness.Curator;

    public async Task InitializeAsync() => _harness = await CurationHarness.OpenAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ExportAsync_WritesFilesThatImportBackToTheSameEntries_ForEveryStatus()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(status: "published"), "alice", CancellationToken.None);
        await Curator.CreateAsync(EntryInputs.FloorHeating("heating-02") with { Title = "暖气漏水怎么办？" }, "alice", CancellationToken.None);
        await Curator.CreateAsync(EntryInputs.Settling(status: "retired"), "alice", CancellationToken.None);
        var stored = await StoredEntriesAsync();
        var folder = Path.Combine(_harness.Root, "export");

        Assert.Equal(3, await Curator.ExportAsync(folder, CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(folder, "faq", "household", "household-01.md")));
        var read = await KnowledgeContentReader.ReadAsync(folder, CancellationToken.None);
        Assert.Empty(read.Errors);
        Assert.Equal(stored, read.Entries.OrderBy(e => e.Id, StringComparer.Ordinal));

        var report = await Curator.ImportAsync(folder, "bob", CancellationToken.None);
        Assert.Equal((0, 0, 3), (report.Summary!.Added, report.Summary.Updated, report.Summary.Unchanged));
        Assert.Single((await Curator.HistoryAsync("household-01", CancellationToken.None))!);
    }

    [Fact]
    public async Task ImportAsync_RecordsImportedRevisionsOnlyForAddedOrChangedEntries()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(status: "published"), "alice", CancellationToken.None);
        await Curator.CreateAsync(EntryInputs.Settling(status: "published"), "alice", CancellationToken.None);
        var folder = Path.Combine(_harness.Root, "export");
        await Curator.ExportAsync(folder, CancellationToken.None);
        var heating = Path.Combine(folder, "faq", "heating", "heating-01.md");
        await File.WriteAllTextAsync(heating, (await File.ReadAllTextAsync(heating)).Replace("status: published", "status: retired", StringComparison.Ordinal));
        _harness.WriteText("export/faq/heating/heating-03.md", MarkdownEntryFormat.Write(new KnowledgeEntry(
            "heating-03", "暖气费怎么交？", [], "到供热单位营业厅缴纳。", "heating", [], null, null, null, EntryStatus.Published)));
        _harness.Clock.Advance(TimeSpan.FromDays(1));

        var report = await Curator.ImportAsync(folder, "bob", CancellationToken.None);

        Assert.Equal((1, 1, 1), (report.Summary!.Added, report.Summary.Updated, report.Summary.Unchanged));
        var heatingHistory = (await Curator.HistoryAsync("heating-01", CancellationToken.None))!;
        Assert.Equal(new EntryRevision(2, CurationHarness.Start.AddDays(1), "bob", RevisionAction.Imported, EntryStatus.Retired, "地暖不热怎么办？"), heatingHistory[0]);
        Assert.Equal(1, (await Curator.GetAsync("heating-03", CancellationToken.None))!.Revision);
        Assert.Single((await Curator.HistoryAsync("household-01", CancellationToken.None))!);
        Assert.DoesNotContain("heating-01", _harness.Find("地暖不热"));
    }

    [Fact]
    public async Task ImportAsync_WritesNothing_WhenAnyFileIsInvalid()
    {
        _harness.WriteText("bad/faq/heating/heating-01.md", MarkdownEntryFormat.Write(new KnowledgeEntry(
            "heating-01", "暖气费怎么交？", [], "到供热单位营业厅缴纳。", "heating", [], null, null, null, EntryStatus.Published)));
        _harness.WriteText("bad/faq/heating/heating-02.md", "---\nid: heating-02\ntitle: 缺答案\ncategory: heating\n---\n");

        var report = await Curator.ImportAsync(Path.Combine(_harness.Root, "bad"), "bob", CancellationToken.None);

        Assert.Null(report.Summary);
        Assert.Equal(("faq/heating/heating-02.md", "answer is empty"), (report.Content.Errors[0].File, report.Content.Errors[0].Message));
        Assert.Empty(await _harness.Knowledge.Index.ListIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UpsertManyAsync_RecordsSystemImportRevisions_WhenCalledWithoutAStamp()
    {
        var entry = new KnowledgeEntry("heating-05", "暖气漏水怎么办？", [], "关闭阀门后报修。", "heating", [], null, null, null, EntryStatus.Retired);

        await _harness.Knowledge.Index.UpsertManyAsync([entry], CancellationToken.None);
        await _harness.Knowledge.Index.UpsertManyAsync([entry], CancellationToken.None);

        var revision = Assert.Single((await Curator.HistoryAsync("heating-05", CancellationToken.None))!);
        Assert.Equal(("system", RevisionAction.Imported, EntryStatus.Retired), (revision.Author, revision.Action, revision.Status));
        Assert.Equal(0, _harness.Knowledge.Index.Count);
    }

    private async Task<KnowledgeEntry[]> StoredEntriesAsync() =>
        (await Curator.ListAsync(new EntryQuery(), CancellationToken.None)).Items.Select(e => e.Entry).OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
}
