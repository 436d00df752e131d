using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Retrieval;

/// <summary>
/// A long-lived retriever keeps per-entry phrasing weights between queries: after any write it must score exactly as
/// a retriever created afresh over the same index.
/// </summary>
public sealed class RetrieverFreshnessTests : IDisposable
{
    private const string Question = "电梯坏了找谁修";

    private static readonly ChineseAnalyzer Analyzer = TestAnalyzers.Create(["电梯", "维修", "物业", "暖气", "供暖"]);

    private readonly IndexFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Search_ScoresAsAFreshRetriever_AfterAnEntryGainsAPhrasing()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertManyAsync([Lift("lift-01", "电梯停运了怎么办"), Lift("lift-02", "电梯维修费谁出"), Heating()], CancellationToken.None);
        var retriever = new Retriever(index, new RetrievalOptions());
        var before = retriever.Search(Question);

        await index.UpsertAsync(Lift("lift-02", "电梯维修费谁出", "电梯坏了找谁修"), CancellationToken.None);

        var after = retriever.Search(Question);
        var fresh = new Retriever(index, new RetrievalOptions()).Search(Question);
        Assert.Equal(fresh.Hits, after.Hits);
        Assert.Equal(fresh.Decision, after.Decision);
        Assert.Equal("lift-02", after.Hits[0].EntryId);
        Assert.NotEqual(before.Hits, after.Hits);
    }

    [Fact]
    public async Task Search_ScoresAsAFreshRetriever_AfterAnotherEntryChangesTheStatistics()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertManyAsync([Lift("lift-01", "电梯停运了怎么办"), Lift("lift-02", "电梯维修费谁出"), Heating()], CancellationToken.None);
        var retriever = new Retriever(index, new RetrievalOptions());
        retriever.Search(Question);

        // Only the document frequencies move: the candidates' phrasings are as they were.
        await index.UpsertAsync(Lift("lift-03", "小区电梯谁来修", "电梯坏了"), CancellationToken.None);

        var after = retriever.Search(Question);
        var fresh = new Retriever(index, new RetrievalOptions()).Search(Question);
        Assert.Equal(fresh.Hits, after.Hits);
        Assert.Equal(fresh.Confidence, after.Confidence);
    }

    private static KnowledgeEntry Lift(string id, string title, params string[] questions) =>
        EntryBuilder.Entry(id)
            .WithTitle(title)
            .WithQuestions(questions)
            .WithAnswer("联系物业或拨打12345。")
            .WithTags("电梯")
            .Build();

    private static KnowledgeEntry Heating() =>
        EntryBuilder.Entry("heating-01")
            .WithTitle("暖气不热怎么办？")
            .WithQuestions("屋里太冷找谁")
            .WithAnswer("联系供热单位报修。")
            .WithTags("暖气")
            .Build();
}
