using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Knowledge.Tests.Curation;

public sealed class EntryCuratorLifecycleTests : IAsyncLifetime
{
    private const string Admin = "admin";
    private CurationHarness _harness = null!;

    private EntryCurator Curator => _harness.Curator;

    public async Task InitializeAsync() => _harness = await CurationHarness.OpenAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Flow_Draft_Published_Retired_Published_SearchableOnlyWhilePublished()
    {
        var created = await Curator.CreateAsync(EntryInputs.FloorHeating(), Admin, CancellationToken.None);
        Assert.Equal(CurationStatus.Saved, created.Status);
        Assert.Equal(EntryStatus.Draft, created.Entry!.Entry.Status);
        Assert.DoesNotContain("heating-01", _harness.Find("地暖不热"));

        var published = await Curator.SetStatusAsync("heating-01", EntryStatus.Published, Admin, CancellationToken.None);
        Assert.Equal((CurationStatus.Saved, 2), (published.Status, published.Entry!.Revision));
        Assert.Contains("heating-01", _harness.Find("地暖不热"));
        Assert.Equal(1, _harness.Knowledge.Index.Count);

        var retired = await Curator.SetStatusAsync("heating-01", EntryStatus.Retired, Admin, CancellationToken.None);
        Assert.Equal(EntryStatus.Retired, retired.Entry!.Entry.Status);
        Assert.DoesNotContain("heating-01", _harness.Find("地暖不热"));
        Assert.Equal(0, _harness.Knowledge.Index.Count);
        Assert.Equal(EntryStatus.Retired, (await Curator.GetAsync("heating-01", CancellationToken.None))!.Entry.Status);

        await Curator.SetStatusAsync("heating-01", EntryStatus.Published, Admin, CancellationToken.None);
        Assert.Contains("heating-01", _harness.Find("地暖不热"));

        var actions = (await Curator.HistoryAsync("heating-01", CancellationToken.None))!.Select(r => r.Action);
        Assert.Equal([RevisionAction.Published, RevisionAction.Retired, RevisionAction.Published, RevisionAction.Created], actions);
    }

    [Fact]
    public async Task CreateAsync_PublishesAtOnce_WhenStatusIsPublished()
    {
        var outcome = await Curator.CreateAsync(EntryInputs.Settling(status: "published"), Admin, RevisionAction.TopicAccepted, CancellationToken.None);

        Assert.Equal(CurationStatus.Saved, outcome.Status);
        Assert.Contains("household-01", _harness.Find("落户材料"));
        var revision = Assert.Single((await Curator.HistoryAsync("household-01", CancellationToken.None))!);
        Assert.Equal(new EntryRevision(1, CurationHarness.Start, Admin, RevisionAction.TopicAccepted, EntryStatus.Published, "投靠子女落户需要什么材料？"), revision);
    }

    [Fact]
    public async Task CreateAsync_DatesTheEntryWithTheChinaDate_WhenUtcIsStillTheDayBefore()
    {
        var outcome = await Curator.CreateAsync(EntryInputs.FloorHeating(), Admin, CancellationToken.None);

        Assert.Equal(CurationHarness.ChinaToday, outcome.Entry!.Entry.Updated);
        Assert.Equal((1, CurationHarness.Start, Admin), (outcome.Entry.Revision, outcome.Entry.ChangedAt, outcome.Entry.ChangedBy));
    }

    [Fact]
    public async Task CreateAsync_GeneratesTheNextCategoryNumber_WhenIdIsMissing()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating("heating-07"), Admin, CancellationToken.None);

        var first = await Curator.CreateAsync(EntryInputs.FloorHeating(id: null), Admin, CancellationToken.None);
        var second = await Curator.CreateAsync(EntryInputs.FloorHeating(id: null), Admin, CancellationToken.None);
        var other = await Curator.CreateAsync(EntryInputs.Settling(id: null), Admin, CancellationToken.None);

        Assert.Equal("heating-08", first.Entry!.Entry.Id);
        Assert.Equal("heating-09", second.Entry!.Entry.Id);
        Assert.Equal("household-01", other.Entry!.Entry.Id);
    }

    [Fact]
    public async Task CreateAsync_ReturnsConflictWithTheStoredEntry_WhenIdIsTaken()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(), Admin, CancellationToken.None);

        var outcome = await Curator.CreateAsync(EntryInputs.FloorHeating() with { Title = "别的标题" }, "other", CancellationToken.None);

        Assert.Equal(CurationStatus.Conflict, outcome.Status);
        Assert.Equal("地暖不热怎么办？", outcome.Entry!.Entry.Title);
        Assert.Single((await Curator.HistoryAsync("heating-01", CancellationToken.None))!);
    }

    [Fact]
    public async Task UpdateAsync_SavesAnEditedRevisionDatedToday_WhenContentChanges()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(status: "published"), Admin, CancellationToken.None);
        _harness.Clock.Advance(TimeSpan.FromDays(3));

        var outcome = await Curator.UpdateAsync(
            "heating-01",
            EntryInputs.FloorHeating(id: null) with { Answer = "先排气，再报修。" },
            expectedRevision: 1,
            "editor",
            CancellationToken.None);

        Assert.Equal(CurationStatus.Saved, outcome.Status);
        var saved = outcome.Entry!;
        Assert.Equal((2, "editor", EntryStatus.Published), (saved.Revision, saved.ChangedBy, saved.Entry.Status)); // null status keeps it
        Assert.Equal(CurationHarness.ChinaToday.AddDays(3), saved.Entry.Updated);
        Assert.Equal(saved, await Curator.GetAsync("heating-01", CancellationToken.None));
        Assert.Equal(RevisionAction.Edited, (await Curator.HistoryAsync("heating-01", CancellationToken.None))![0].Action);
    }

    [Fact]
    public async Task UpdateAsync_SavesNothing_WhenNothingChanges()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(), Admin, CancellationToken.None);

        var outcome = await Curator.UpdateAsync("heating-01", EntryInputs.FloorHeating(), null, "editor", CancellationToken.None);

        Assert.Equal((CurationStatus.Saved, 1, Admin), (outcome.Status, outcome.Entry!.Revision, outcome.Entry.ChangedBy));
        Assert.Single((await Curator.HistoryAsync("heating-01", CancellationToken.None))!);
    }

    [Fact]
    public async Task UpdateAsync_ReturnsConflictAndWritesNothing_WhenTheEntryMovedOnFromTheExpectedRevision()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(), Admin, CancellationToken.None);
        await Curator.UpdateAsync("heating-01", EntryInputs.FloorHeating() with { Answer = "第一位管理员的修改。" }, 1, "first", CancellationToken.None);

        var outcome = await Curator.UpdateAsync("heating-01", EntryInputs.FloorHeating() with { Answer = "第二位管理员的修改。" }, 1, "second", CancellationToken.None);

        Assert.Equal(CurationStatus.Conflict, outcome.Status);
        Assert.Equal((2, "第一位管理员的修改。"), (outcome.Entry!.Revision, outcome.Entry.Entry.Answer));
        Assert.Equal("第一位管理员的修改。", (await Curator.GetAsync("heating-01", CancellationToken.None))!.Entry.Answer);
        Assert.Equal(2, (await Curator.HistoryAsync("heating-01", CancellationToken.None))!.Count);
    }

    [Fact]
    public async Task UpdateAsync_SavesExactlyOne_WhenTwoAdminsEditTheSameRevisionAtOnce()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(), Admin, CancellationToken.None);

        var outcomes = await Task.WhenAll(
            Task.Run(() => Curator.UpdateAsync("heating-01", EntryInputs.FloorHeating() with { Answer = "甲的修改。" }, 1, "first", CancellationToken.None)),
            Task.Run(() => Curator.UpdateAsync("heating-01", EntryInputs.FloorHeating() with { Answer = "乙的修改。" }, 1, "second", CancellationToken.None)));

        Assert.Equal([CurationStatus.Saved, CurationStatus.Conflict], outcomes.Select(o => o.Status).Order());
        var winner = outcomes.Single(o => o.Status == CurationStatus.Saved).Entry!;
        Assert.Equal(winner, await Curator.GetAsync("heating-01", CancellationToken.None));
        Assert.Equal(2, (await Curator.HistoryAsync("heating-01", CancellationToken.None))!.Count);
    }

    [Fact]
    public async Task UpdateAsync_ReturnsNotFound_WhenIdIsUnknown()
    {
        var outcome = await Curator.UpdateAsync("heating-99", EntryInputs.FloorHeating(), null, Admin, CancellationToken.None);

        Assert.Equal(CurationStatus.NotFound, outcome.Status);
        Assert.Null(await Curator.HistoryAsync("heating-99", CancellationToken.None));
    }

    [Fact]
    public async Task AddQuestionsAsync_AddsOnlyNewQuestions_WhenSomeRepeatTheTitleOrAQuestion()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating(status: "published"), Admin, CancellationToken.None);

        var outcome = await Curator.AddQuestionsAsync(
            "heating-01",
            ["地暖不热怎么办？", " 地暖冰凉找谁 ", "地暖管子不热了", "地暖管子不热了", "  "],
            Admin,
            RevisionAction.QuestionsAdded,
            CancellationToken.None);

        Assert.Equal(["地暖温度上不来", "地暖冰凉找谁", "地暖管子不热了"], outcome.Entry!.Entry.Questions);
        var latest = (await Curator.HistoryAsync("heating-01", CancellationToken.None))![0];
        Assert.Equal((2, RevisionAction.QuestionsAdded), (latest.Revision, latest.Action));

        var again = await Curator.AddQuestionsAsync("heating-01", ["地暖管子不热了"], Admin, RevisionAction.QuestionsAdded, CancellationToken.None);
        Assert.Equal((CurationStatus.Saved, 2), (again.Status, again.Entry!.Revision));
    }

    [Fact]
    public async Task SetStatusAsync_ReturnsNotFound_WhenIdIsUnknown()
    {
        var outcome = await Curator.SetStatusAsync("heating-99", EntryStatus.Published, Admin, CancellationToken.None);

        Assert.Equal(CurationStatus.NotFound, outcome.Status);
    }

    [Fact]
    public async Task ListAsync_FiltersAndPagesNewestChangeFirst()
    {
        await Curator.CreateAsync(EntryInputs.FloorHeating("heating-01", "published"), Admin, CancellationToken.None);
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await Curator.CreateAsync(EntryInputs.FloorHeating("heating-02") with { Title = "暖气漏水怎么办？", Questions = ["暖气片滴水"] }, Admin, CancellationToken.None);
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await Curator.CreateAsync(EntryInputs.Settling(), Admin, CancellationToken.None);
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await Curator.SetStatusAsync("heating-01", EntryStatus.Retired, Admin, CancellationToken.None);

        var all = await Curator.ListAsync(new EntryQuery(), CancellationToken.None);
        var byQuestion = await Curator.ListAsync(new EntryQuery(Q: "滴水"), CancellationToken.None);
        var byId = await Curator.ListAsync(new EntryQuery(Q: "HEATING"), CancellationToken.None);
        var drafts = await Curator.ListAsync(new EntryQuery(Status: EntryStatus.Draft, Category: "heating"), CancellationToken.None);
        var page2 = await Curator.ListAsync(new EntryQuery(Page: 2, PageSize: 2), CancellationToken.None);

        Assert.Equal(["heating-01", "household-01", "heating-02"], all.Items.Select(e => e.Entry.Id));
        Assert.Equal(3, all.Total);
        Assert.Equal(["heating-02"], byQuestion.Items.Select(e => e.Entry.Id));
        Assert.Equal(2, byId.Total);
        Assert.Equal(["heating-02"], drafts.Items.Select(e => e.Entry.Id));
        Assert.Equal(3, page2.Total);
        Assert.Equal(["heating-02"], page2.Items.Select(e => e.Entry.Id));
    }
}
