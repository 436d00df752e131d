using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Curation;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Tests.Curation;

public sealed class EntryCuratorHistoryTests : IAsyncLifetime
{
    private CurationHarness _harness = null!;

    private EntryCurator Curator => _harness.Curator;

    public async Task InitializeAsync() => _harness = await CurationHarness.OpenAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task HistoryAsync_ListsEveryRevisionNewestFirst_WithWhoWhenAndWhy()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(), "alice", CancellationToken.None);
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        await Curator.UpdateAsync("heating-01", EntryInputs.FloorHeating() with { Title = "地暖不热找谁？" }, 1, "bob", CancellationToken.None);
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        await Curator.SetStatusAsync("heating-01", EntryStatus.Published, "carol", CancellationToken.None);

        var history = await Curator.HistoryAsync("heating-01", CancellationToken.None);

        Assert.Equal(
            [
                new EntryRevision(3, CurationHarness.Start.AddHours(2), "carol", RevisionAction.Published, EntryStatus.Published, "地暖不热找谁？"),
                new EntryRevision(2, CurationHarness.Start.AddHours(1), "bob", RevisionAction.Edited, EntryStatus.Draft, "地暖不热找谁？"),
                new EntryRevision(1, CurationHarness.Start, "alice", RevisionAction.Created, EntryStatus.Draft, "地暖不热怎么办？"),
            ],
            history);
    }

    [Fact]
    public async Task DiffAsync_ShowsTheChangedLinesOfTheMarkdownFiles()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(), "alice", CancellationToken.None);
        await Curator.UpdateAsync(
            "heating-01",
            EntryInputs.FloorHeating() with { Questions = ["地暖温度上不来", "地暖管子冰凉"], Answer = "先检查分水器阀门，再联系供热单位报修。\n\n热线：12345" },
            null,
            "bob",
            CancellationToken.None);
        await Curator.SetStatusAsync("heating-01", EntryStatus.Published, "carol", CancellationToken.None);

        var diff = await Curator.DiffAsync("heating-01", 1, 3, CancellationToken.None);

        Assert.NotNull(diff);
        Assert.Equal((1, 3), (diff.From, diff.To));
        var changes = diff.Lines.Where(l => l.Kind != DiffKind.Same).ToArray();
        Assert.Equal(
            [
                new DiffLine(DiffKind.Removed, "  - 地暖冰凉找谁"),
                new DiffLine(DiffKind.Added, "  - 地暖管子冰凉"),
                new DiffLine(DiffKind.Removed, "status: draft"),
                new DiffLine(DiffKind.Added, "status: published"),
                new DiffLine(DiffKind.Added, string.Empty),
                new DiffLine(DiffKind.Added, "热线：12345"),
            ],
            changes);
        Assert.Equal(MarkdownEntryFormat.Write((await Curator.GetAsync("heating-01", CancellationToken.None))!.Entry).TrimEnd('\n').Split('\n'),
            diff.Lines.Where(l => l.Kind != DiffKind.Removed).Select(l => l.Text));
    }

    [Fact]
    public async Task DiffAsync_ReturnsNull_WhenARevisionDoesNotExist()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(), "alice", CancellationToken.None);

        Assert.Null(await Curator.DiffAsync("heating-01", 1, 2, CancellationToken.None));
        Assert.Null(await Curator.DiffAsync("heating-99", 1, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Revisions_SurviveReopeningTheDatabase()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(status: "published"), "alice", CancellationToken.None);
        await Curator.SetStatusAsync("heating-01", EntryStatus.Retired, "bob", CancellationToken.None);
        var before = await Curator.HistoryAsync("heating-01", CancellationToken.None);

        await _harness.ReopenAsync();

        Assert.Equal(before, await Curator.HistoryAsync("heating-01", CancellationToken.None));
        var current = await Curator.GetAsync("heating-01", CancellationToken.None);
        Assert.Equal((2, "bob"), (current!.Revision, current.ChangedBy));
        Assert.Empty(_harness.Find("地暖不热"));
    }

    [Fact]
    public async Task Open_GivesEveryEntryRevisionOne_WhenTheDatabaseIsFromBeforeRevisions()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(status: "published"), "alice", CancellationToken.None);
        await Curator.UpdateAsync("heating-01", EntryInputs.FloorHeating() with { Answer = "新的答案。" }, null, "alice", CancellationToken.None);
        await Curator.CreateAsync(EntryInputs.Settling(), "alice", CancellationToken.None);
        _harness.Close();
        // The schema before revisions is today's without entry_revisions.
        await using (var connection = new SqliteConnection($"Data Source={_harness.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE entry_revisions";
            await drop.ExecuteNonQueryAsync();
        }

        await _harness.ReopenAsync();

        var revision = Assert.Single((await Curator.HistoryAsync("heating-01", CancellationToken.None))!);
        Assert.Equal((1, "system", RevisionAction.Imported, EntryStatus.Published), (revision.Revision, revision.Author, revision.Action, revision.Status));
        Assert.Single((await Curator.HistoryAsync("household-01", CancellationToken.None))!);
        Assert.Equal("新的答案。", (await Curator.GetAsync("heating-01", CancellationToken.None))!.Entry.Answer);
        Assert.Contains("heating-01", _harness.Find("地暖不热"));

        var next = await Curator.SetStatusAsync("heating-01", EntryStatus.Retired, "bob", CancellationToken.None);
        Assert.Equal(2, next.Entry!.Revision);
    }
}
