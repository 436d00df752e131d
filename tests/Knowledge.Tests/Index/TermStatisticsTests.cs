using CitizenBot.Knowledge.Index;

namespace CitizenBot.Knowledge.Tests.Index;

public sealed class TermStatisticsTests
{
    [Fact]
    public void Apply_KeepsCountsAndDropsEmptyTerms_WhenDeltasAddAndRemoveDocuments()
    {
        var statistics = new TermStatistics();

        var adding = new TermStatisticsDelta();
        adding.AddDocument(["暖气", "供暖"]);
        adding.AddDocument(["暖气", "居住证"]);
        statistics.Apply(adding);
        Assert.Equal(2, statistics.DocumentCount);
        Assert.Equal(3, statistics.TermCount);
        Assert.Equal(2, statistics.DocumentFrequency("暖气"));

        var replacing = new TermStatisticsDelta();
        replacing.RemoveDocument(["暖气", "供暖"]);
        replacing.AddDocument(["供暖"]);
        replacing.RemoveDocument(["供暖"]);
        statistics.Apply(replacing);
        Assert.Equal(1, statistics.DocumentCount);
        Assert.Equal(2, statistics.TermCount);
        Assert.Equal(0, statistics.DocumentFrequency("供暖"));
        Assert.Equal(1, statistics.DocumentFrequency("暖气".AsSpan()));

        statistics.Reset([], documentCount: 0);
        Assert.Equal(0, statistics.DocumentCount);
        Assert.Equal(0, statistics.TermCount);
    }

    [Fact]
    public void AddDocuments_CountsATermOncePerDocument_WhenItRepeatsWithinAndAcrossDocuments()
    {
        var statistics = new TermStatistics();
        var delta = new TermStatisticsDelta();
        delta.AddDocuments([["暖气", "暖气", "供暖"], ["暖气", "居住证", "居住证"]], firstNumber: 0);
        delta.AddDocuments([["暖气"]], firstNumber: 2);
        delta.RemoveDocument(["暖气", "供暖"]);
        statistics.Apply(delta);

        Assert.Equal(2, statistics.DocumentCount);
        Assert.Equal(2, statistics.DocumentFrequency("暖气"));
        Assert.Equal(1, statistics.DocumentFrequency("居住证"));
        Assert.Equal(0, statistics.DocumentFrequency("供暖"));
        Assert.Equal(2, statistics.TermCount);
    }

    [Fact]
    public void InverseDocumentFrequency_IsPositiveAndLargestForUnseenTerms_WhenTermsDifferInFrequency()
    {
        var statistics = new TermStatistics();
        statistics.Reset([new("暖气", 10), new("居住证", 1)], documentCount: 10);

        var everywhere = statistics.InverseDocumentFrequency("暖气");
        var rare = statistics.InverseDocumentFrequency("居住证");
        var unseen = statistics.InverseDocumentFrequency("护照");

        Assert.True(everywhere > 0, "a term in every document still weighs something");
        Assert.True(rare > everywhere);
        Assert.True(unseen > rare);
        Assert.Equal(Math.Log(1 + (10.5 / 0.5)), unseen, precision: 12);
    }
}
