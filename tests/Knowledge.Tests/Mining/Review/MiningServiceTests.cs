using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Mining;
using CitizenBot.Knowledge.Mining.Review;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Mining.Review;

public sealed class MiningServiceTests : IAsyncLifetime
{
    private const string Admin = "admin";

    private ReviewHarness _harness = null!;

    private MiningService Mining => _harness.Mining;

    public async Task InitializeAsync() => _harness = await ReviewHarness.OpenAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RunAsync_MakesTheNewTopicTheTopTopic_WhenItIsAskedThirtyWaysAmongTwoThousandLoggedQuestions()
    {
        await _harness.RecordNewTopicStreamAsync();

        var run = await Mining.RunAsync(CancellationToken.None);

        Assert.Equal(_harness.Clock.GetUtcNow(), run.GeneratedAt);
        var top = Assert.IsType<MinedTopic>(run.Report.Topics.FirstOrDefault());
        Assert.Contains(MiningStream.NewTopicWord, top.Label, StringComparison.Ordinal);
        Assert.True(top.Count >= 25, $"{top.Count} of 30 phrasings joined the topic");
        Assert.Null(top.MessageIds);
        Assert.Contains(MiningStream.NewTopicWord, run.Report.NewWords.Take(3).Select(t => t.Term));
        Assert.Equal(2030, run.Report.Statistics.RecentMessages + run.Report.Statistics.PreviousMessages);
    }

    [Fact]
    public async Task RunAsync_ReadsOnlyTheTwoWindows_WhenOlderQuestionsAreLogged()
    {
        var old = new MiningStream().WithOrdinaryQuestions(50).Messages
            .Select(m => m with { At = m.At.AddDays(-(2 * _harness.Options.RecentDays) - 1) });
        await _harness.RecordAsync(old);
        await _harness.RecordNewTopicStreamAsync();

        var run = await Mining.RunAsync(CancellationToken.None);

        Assert.Equal(2030, run.Report.Statistics.RecentMessages + run.Report.Statistics.PreviousMessages);
    }

    [Fact]
    public async Task GetQueueAsync_ReturnsNull_WhenMiningNeverRan()
    {
        Assert.Null(await Mining.GetQueueAsync(CancellationToken.None));

        await _harness.ReopenAsync();

        Assert.Null(await Mining.GetQueueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetQueueAsync_ReturnsTheStoredReport_AfterReopening()
    {
        await _harness.RecordNewTopicStreamAsync();
        var run = await Mining.RunAsync(CancellationToken.None);

        await _harness.ReopenAsync();
        var queue = await Mining.GetQueueAsync(CancellationToken.None);

        Assert.NotNull(queue);
        Assert.Equal(run.GeneratedAt, queue.GeneratedAt);
        Assert.Equal(run.Report.Topics.Select(t => t.Id), queue.Topics.Select(t => t.Id));
        Assert.Equal(run.Report.Topics[0].Examples, queue.Topics[0].Examples);
        Assert.Equal(run.Report.NewWords, queue.NewWords);
    }

    [Fact]
    public async Task DecideTopicAsync_RemovesTheTopicFromTheQueueForGood_AlsoAfterReopeningAndRerunning()
    {
        await _harness.RecordNewTopicStreamAsync();
        var run = await Mining.RunAsync(CancellationToken.None);
        var topic = run.Report.Topics[0];
        Assert.Equal(topic, await Mining.FindTopicAsync(topic.Id, CancellationToken.None));

        Assert.True(await Mining.DecideTopicAsync(topic.Id, TopicDecision.Dismissed, null, Admin, CancellationToken.None));

        Assert.False(await Mining.DecideTopicAsync(topic.Id, TopicDecision.Accepted, "new-entry", Admin, CancellationToken.None));
        Assert.Null(await Mining.FindTopicAsync(topic.Id, CancellationToken.None));
        var queue = await Mining.GetQueueAsync(CancellationToken.None);
        Assert.DoesNotContain(topic.Id, queue!.Topics.Select(t => t.Id));
        Assert.Equal(run.Report.Topics.Count - 1, queue.Topics.Count);
        Assert.NotEqual(topic, queue.MonthTopic);

        await _harness.ReopenAsync();
        Assert.DoesNotContain(topic.Id, (await Mining.GetQueueAsync(CancellationToken.None))!.Topics.Select(t => t.Id));
        var rerun = await Mining.RunAsync(CancellationToken.None);
        Assert.Contains(topic.Id, rerun.Report.Topics.Select(t => t.Id));
        Assert.DoesNotContain(topic.Id, (await Mining.GetQueueAsync(CancellationToken.None))!.Topics.Select(t => t.Id));
    }

    [Fact]
    public async Task FindTopicAsync_ReturnsNull_WhenTheIdIsUnknown()
    {
        await _harness.RecordNewTopicStreamAsync();
        await Mining.RunAsync(CancellationToken.None);

        Assert.Null(await Mining.FindTopicAsync("topic-unknown", CancellationToken.None));
    }

    [Fact]
    public async Task AcceptTermAsync_TeachesTheLiveAnalyzerTheWord_AndSearchesStillAnswer()
    {
        const string Question = "我们楼想拿维修基金修楼道 得几户点头才行";
        var before = _harness.Knowledge.Retriever.Search(Question);
        Assert.DoesNotContain(MiningStream.NewTopicWord, _harness.Knowledge.Index.Analyzer.Tokenize("惠民保在哪里买"));
        var size = _harness.Knowledge.Index.Analyzer.Lexicon.Count;

        var result = await Mining.AcceptTermAsync("惠民保", Admin, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new TermDecisionResult(MiningStream.NewTopicWord, null, size + 1, null, null), result);
        Assert.Contains(MiningStream.NewTopicWord, _harness.Knowledge.Index.Analyzer.Tokenize("惠民保在哪里买"));
        var after = _harness.Knowledge.Retriever.Search(Question);
        Assert.Equal(before.Decision, after.Decision);
        Assert.Equal(before.Hits[0].EntryId, after.Hits[0].EntryId);
    }

    [Fact]
    public async Task AcceptTermAsync_HidesTheWordFromTheQueue_AndLaterRunsNoLongerCallItNew()
    {
        await _harness.RecordNewTopicStreamAsync();
        await Mining.RunAsync(CancellationToken.None);

        await Mining.AcceptTermAsync(MiningStream.NewTopicWord, Admin, CancellationToken.None);

        var queue = await Mining.GetQueueAsync(CancellationToken.None);
        Assert.DoesNotContain(MiningStream.NewTopicWord, queue!.NewWords.Select(t => t.Term));
        var rerun = await Mining.RunAsync(CancellationToken.None);
        Assert.DoesNotContain(MiningStream.NewTopicWord, rerun.Report.NewWords.Select(t => t.Term));
    }

    [Fact]
    public async Task InitializeAsync_LoadsTheLearnedVocabulary_WhenTheServiceRestarts()
    {
        await Mining.AcceptTermAsync(MiningStream.NewTopicWord, Admin, CancellationToken.None);
        await Mining.AddSynonymAsync("暖气钱", "取暖费", Admin, CancellationToken.None);
        var fingerprint = _harness.Knowledge.Index.Analyzer.Fingerprint;

        await _harness.ReopenAsync();

        var analyzer = _harness.Knowledge.Index.Analyzer;
        Assert.Equal(fingerprint, analyzer.Fingerprint);
        Assert.Contains(MiningStream.NewTopicWord, analyzer.Tokenize("惠民保在哪里买"));
        Assert.Contains("取暖费", analyzer.Tokenize("暖气钱交多少"));
    }

    [Fact]
    public async Task AddSynonymAsync_JoinsTheExistingTermsGroup_SoTheTermSearchesAsTheCanonicalOne()
    {
        Assert.DoesNotContain("取暖费", _harness.Knowledge.Index.Analyzer.Tokenize("暖气钱交多少"));

        var result = await Mining.AddSynonymAsync("暖气钱", "暖气费", Admin, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("暖气钱", "暖气费"), (result.Term, result.Of));
        var tokens = _harness.Knowledge.Index.Analyzer.Tokenize("暖气钱交多少");
        Assert.Contains("暖气钱", tokens);
        Assert.Contains("取暖费", tokens);
        Assert.Equal([new LearnedSynonym("暖气钱", "暖气费")], (await Mining.GetLearnedVocabularyAsync(CancellationToken.None)).Synonyms);
    }

    [Theory]
    [InlineData("惠", "term", "新词须为 2 到 8 个汉字。")]
    [InlineData("huiminbao", "term", "新词须为 2 到 8 个汉字。")]
    [InlineData("惠民保惠民保惠民保", "term", "新词须为 2 到 8 个汉字。")]
    [InlineData("医保", "term", "“医保”已在词库中。")]
    [InlineData("醫保", "term", "“医保”已在词库中。")]
    public async Task AcceptTermAsync_ReturnsAChineseError_WhenTheTermIsMalformedOrKnown(string term, string field, string error)
    {
        var size = _harness.Knowledge.Index.Analyzer.Lexicon.Count;

        var result = await Mining.AcceptTermAsync(term, Admin, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal((field, error), (result.ErrorField, result.Error));
        Assert.Equal(size, _harness.Knowledge.Index.Analyzer.Lexicon.Count);
        Assert.Empty((await Mining.GetLearnedVocabularyAsync(CancellationToken.None)).Words);
    }

    [Theory]
    [InlineData("暖气钱", "暖", "of", "已有词须为 2 到 8 个汉字。")]
    [InlineData("暖气钱", "暖气钱", "of", "同义词不能是新词本身。")]
    [InlineData("暖气钱", "甲乙丙丁", "of", "“甲乙丙丁”不在词库中，请选择词库里已有的词。")]
    [InlineData("暖气", "取暖费", "term", "“暖气”已在词库中。")]
    public async Task AddSynonymAsync_ReturnsAChineseError_WhenATermIsMalformedOrKnown(string term, string of, string field, string error)
    {
        var result = await Mining.AddSynonymAsync(term, of, Admin, CancellationToken.None);

        Assert.Equal((field, error), (result.ErrorField, result.Error));
        Assert.Empty((await Mining.GetLearnedVocabularyAsync(CancellationToken.None)).Synonyms);
    }

    [Fact]
    public async Task DismissTermAsync_HidesTheWord_AndLaterDecisionsOnItFail()
    {
        await _harness.RecordNewTopicStreamAsync();
        await Mining.RunAsync(CancellationToken.None);

        var dismissed = await Mining.DismissTermAsync(MiningStream.NewTopicWord, Admin, CancellationToken.None);
        var accepted = await Mining.AcceptTermAsync(MiningStream.NewTopicWord, Admin, CancellationToken.None);

        Assert.True(dismissed.Succeeded, dismissed.Error);
        Assert.Equal("“惠民保”已经审核过了。", accepted.Error);
        Assert.DoesNotContain(MiningStream.NewTopicWord, _harness.Knowledge.Index.Analyzer.Tokenize("惠民保在哪里买"));
        Assert.DoesNotContain(MiningStream.NewTopicWord, (await Mining.GetQueueAsync(CancellationToken.None))!.NewWords.Select(t => t.Term));
    }

    [Fact]
    public async Task WriteLearnedVocabularyAsync_WritesFilesThatLoadIntoTheLiveLexicon()
    {
        await Mining.AcceptTermAsync(MiningStream.NewTopicWord, Admin, CancellationToken.None);
        await Mining.AddSynonymAsync("暖气钱", "暖气费", Admin, CancellationToken.None);
        await Mining.AddSynonymAsync("惠民险", MiningStream.NewTopicWord, Admin, CancellationToken.None);
        var export = Path.Combine(_harness.DataDirectory, "export");
        Directory.CreateDirectory(export);
        foreach (var file in new[] { LexiconFiles.LexiconFileName, LexiconFiles.SynonymsFileName })
        {
            File.Copy(Path.Combine(RepositoryPaths.KnowledgeBase, file), Path.Combine(export, file));
        }

        await Mining.WriteLearnedVocabularyAsync(export, CancellationToken.None);

        var exported = await LexiconFiles.LoadAsync(export, new TextNormalizer(), CancellationToken.None);
        Assert.Equal(_harness.Knowledge.Index.Analyzer.Lexicon.Fingerprint, exported.Fingerprint);
    }

    [Fact]
    public async Task RunAsync_DropsTheTopic_OnceAnEntryAnswersIt()
    {
        await _harness.RecordNewTopicStreamAsync();
        var topic = (await Mining.RunAsync(CancellationToken.None)).Report.Topics[0];
        await _harness.Knowledge.Index.UpsertAsync(
            EntryBuilder.Entry("huiminbao-01")
                .WithTitle("惠民保怎么参保")
                .WithAnswer("惠民保是城市定制型补充医疗保险，可在“惠民保”小程序投保，每人每年 69 元。")
                .InCategory("heating")
                .WithQuestions([.. topic.Examples])
                .Build(),
            CancellationToken.None);

        var rerun = await Mining.RunAsync(CancellationToken.None);

        Assert.DoesNotContain(rerun.Report.Topics, t => t.Label.Contains(MiningStream.NewTopicWord, StringComparison.Ordinal));
        Assert.Equal(SearchDecision.Answer, _harness.Knowledge.Retriever.Search(topic.Examples[0]).Decision);
    }

    [Fact]
    public async Task AcceptTermAsync_LetsTheHomophoneCorrectorSuggestTheWord_WhenTheCorrectorWasBuiltBefore()
    {
        var retriever = _harness.Knowledge.Retriever;
        await _harness.Knowledge.Index.UpsertAsync(
            EntryBuilder.Entry("huiminbao-01").WithTitle("惠民保怎么参保").InCategory("heating").Build(),
            CancellationToken.None);
        Assert.DoesNotContain(MiningStream.NewTopicWord, retriever.BuildQuery("惠民宝在哪里买").Terms);

        await Mining.AcceptTermAsync(MiningStream.NewTopicWord, Admin, CancellationToken.None);

        Assert.Contains(MiningStream.NewTopicWord, retriever.BuildQuery("惠民宝在哪里买").Terms);
    }

    [Fact]
    public async Task RunAsync_JoinsTheRunUnderWay_WhenCalledTwiceAtOnce()
    {
        await _harness.RecordNewTopicStreamAsync();

        var first = Mining.RunAsync(CancellationToken.None);
        var second = Mining.RunAsync(CancellationToken.None);

        Assert.Same(await first, await second);
        Assert.NotSame(await first, await Mining.RunAsync(CancellationToken.None));
    }
}
