using CitizenBot.Knowledge.Mining;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Mining;

public sealed class MessageMinerTests(SeedKnowledgeBaseFixture seed) : IClassFixture<SeedKnowledgeBaseFixture>
{
    private MessageMiner Miner => new(seed.Index.Analyzer, new MiningOptions());

    [Fact]
    public void Mine_SurfacesANewTopicAsTopClusterAndItsWordAsTopNewWord_WhenAskedThirtyWaysAmongTwoThousandQuestions()
    {
        var messages = new MiningStream().WithOrdinaryQuestions(2000).WithNewTopic().Messages;

        var report = Miner.Mine(messages, MiningWindow.EndingAtNewest(messages, 30), seed.Retriever, includeMessageIds: true);

        var top = Assert.IsType<MinedTopic>(report.Topics.FirstOrDefault());
        Assert.Contains(MiningStream.NewTopicWord, top.Label, StringComparison.Ordinal);
        Assert.True(top.Count >= 25, $"{top.Count} of 30 phrasings joined the topic");
        Assert.All(top.MessageIds!, id => Assert.StartsWith("new-", id, StringComparison.Ordinal));
        Assert.False(top.Burst);
        Assert.Equal(top, report.MonthTopic);
        Assert.Contains(MiningStream.NewTopicWord, report.NewWords.Take(3).Select(t => t.Term));
        var word = report.Terms.Single(t => t.Term == MiningStream.NewTopicWord);
        Assert.True(word.IsNew);
        Assert.Equal(30, word.Count);
        Assert.Equal(0, word.PreviousCount);
    }

    [Fact]
    public void Mine_FlagsAOneDayBurstAndRanksItBelowTheNewTopic_WhenTheBurstIsLarger()
    {
        var messages = new MiningStream().WithOrdinaryQuestions(2000).WithNewTopic().WithBurst(40).Messages;

        var report = Miner.Mine(messages, MiningWindow.EndingAtNewest(messages, 30), seed.Retriever, includeMessageIds: true);

        var burst = Assert.Single(report.Topics, t => t.Label.Contains(MiningStream.BurstWord, StringComparison.Ordinal));
        Assert.True(burst.Burst);
        Assert.True(burst.Count > 30, $"the burst has {burst.Count} messages");
        Assert.Contains(MiningStream.NewTopicWord, report.Topics[0].Label, StringComparison.Ordinal);
        Assert.False(report.Topics[0].Burst);
        Assert.Contains(MiningStream.NewTopicWord, report.MonthTopic!.Label, StringComparison.Ordinal);
    }
}
