using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Mining;

namespace CitizenBot.Knowledge.Tests.Mining;

public sealed class TermMinerTests
{
    // Tiny corpora have small PMI; the thresholds are lowered so the hand counts below decide.
    private static readonly MiningOptions SmallCorpus = new() { MinTermCount = 3, MinCohesion = 1.0, MinBoundaryEntropy = 1.0 };

    private static readonly string[] Recent =
    [
        "惠民保怎么买", "惠民保多少钱", "哪里买惠民保", "惠民保能报销吗", "老人惠民保", "孩子买惠民保吗", "医保卡丢了", "医保怎么交",
        "医保断缴了",
    ];

    [Fact]
    public void Complete_FindsTheWordButNotItsPieces_WhenAThreeCharacterWordIsUsedFreely()
    {
        var result = Mine(Lexicon.Empty, Recent, previous: ["惠民保是啥"]);

        var word = Assert.Single(result.NewWords, t => t.Term == "惠民保");
        Assert.Equal(6, word.Count);
        Assert.Equal(1, word.PreviousCount);
        Assert.Equal(3.5, word.Rise); // (6 + 1) / (1 + 1)
        Assert.True(word.IsNew);
        // 惠民 is always followed by 保 and 民保 always preceded by 惠: no free use, and inside an accepted word.
        Assert.DoesNotContain(result.Terms, t => t.Term is "惠民" or "民保");
    }

    [Fact]
    public void Complete_ReportsALexiconWordAsKnown_WhenItIsFrequent()
    {
        var result = Mine(Lexicon.Create(["医保"], []), Recent, previous: []);

        var known = Assert.Single(result.Terms, t => t.Term == "医保");
        Assert.False(known.IsNew);
        Assert.Equal(3, known.Count);
        Assert.Equal(1.0, known.Rise); // no previous messages: no baseline to rise against
        Assert.DoesNotContain(result.NewWords, t => t.Term == "医保");
    }

    [Fact]
    public void Complete_ReportsNothingBelowTheCountFloorOrEndingInAParticle_WhenCountsAreSmall()
    {
        // 买惠 occurs twice (below the floor of 3); 保吗 occurs twice and ends in a particle.
        var result = Mine(Lexicon.Empty, Recent, previous: []);

        Assert.All(result.Terms, t => Assert.True(t.Count >= SmallCorpus.MinTermCount, t.Term));
        Assert.DoesNotContain(result.Terms, t => t.Term.EndsWith('吗'));
    }

    [Fact]
    public void AddDistinct_FindsWhatAddingEveryCopyFinds_WhenTextsRepeat()
    {
        string[] texts = [.. Recent, "惠民保是啥"];
        int[] recentWeights = [3, 1, 2, 1, 4, 1, 2, 1, 1, 0];
        int[] previousWeights = [0, 1, 0, 0, 0, 2, 0, 0, 1, 2];
        var copies = new TermMiner(Lexicon.Create(["医保"], []), SmallCorpus);
        var recentCopies = new List<string>();
        for (var t = 0; t < texts.Length; t++)
        {
            for (var k = 0; k < recentWeights[t]; k++)
            {
                copies.Add(texts[t], MiningPeriod.Recent);
                recentCopies.Add(texts[t]);
            }

            for (var k = 0; k < previousWeights[t]; k++)
            {
                copies.Add(texts[t], MiningPeriod.Previous);
            }
        }

        var distinct = new TermMiner(Lexicon.Create(["医保"], []), SmallCorpus);
        distinct.AddDistinct(texts, recentWeights, previousWeights);

        var expected = copies.Complete(recentCopies);
        var actual = distinct.Complete(texts, recentWeights);

        Assert.NotEmpty(expected.NewWords);
        Assert.Equal(expected.Terms, actual.Terms);
        Assert.Equal(expected.NewWords, actual.NewWords);
        Assert.Equal(expected.Rising, actual.Rising);
        Assert.Equal(expected.Candidates, actual.Candidates);
    }

    private static TermMiningResult Mine(Lexicon lexicon, string[] recent, string[] previous)
    {
        var miner = new TermMiner(lexicon, SmallCorpus);
        foreach (var text in recent)
        {
            miner.Add(text, MiningPeriod.Recent);
        }

        foreach (var text in previous)
        {
            miner.Add(text, MiningPeriod.Previous);
        }

        return miner.Complete(recent);
    }
}
