using System.Globalization;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Tests.Retrieval;

public sealed class DecisionPolicyTests
{
    /// <summary>(top-hit confidence, choices confidence, hit count) → decision, with thresholds 0.85 and 0.30.</summary>
    [Theory]
    [InlineData(0.99, 0.99, 5, SearchDecision.Answer)]
    [InlineData(0.85, 0.10, 5, SearchDecision.Answer)]   // the answer threshold is inclusive; choices do not matter
    [InlineData(0.90, 0.00, 1, SearchDecision.Answer)]   // one confident hit is enough
    [InlineData(0.8499, 0.95, 5, SearchDecision.Clarify)]
    [InlineData(0.10, 0.30, 2, SearchDecision.Clarify)]  // the clarify threshold is inclusive and reads the choices model
    [InlineData(0.50, 0.90, 1, SearchDecision.Abstain)]  // nothing to choose between
    [InlineData(0.80, 0.2999, 5, SearchDecision.Abstain)] // a fair top hit alone does not earn choices
    [InlineData(0.0, 0.0, 0, SearchDecision.Abstain)]
    public void Decide_FollowsTheThresholdTable_WhenConfidencesAndHitCountVary(double confidence, double choicesConfidence, int hits, SearchDecision expected) =>
        Assert.Equal(expected, DecisionPolicy.Decide(confidence, choicesConfidence, hits, answerThreshold: 0.85, clarifyThreshold: 0.30));

    /// <summary>Scores of the ranked hits → how many are offered, with a margin of 0.25.</summary>
    [Theory]
    [InlineData(new[] { 0.75, 0.70, 0.60, 0.55 }, 3)] // the third is close; never more than three
    [InlineData(new[] { 0.75, 0.70, 0.50 }, 3)]        // exactly at the margin counts
    [InlineData(new[] { 0.75, 0.70, 0.25 }, 2)]
    [InlineData(new[] { 0.75, 0.25, 0.20 }, 2)]        // the runner-up is always offered
    [InlineData(new[] { 0.75, 0.70 }, 2)]
    public void Choices_OffersTopTwoPlusACloseThird_WhenHitsAreRanked(double[] scores, int expected)
    {
        var hits = scores.Select((s, i) => new SearchHit("e" + i.ToString(CultureInfo.InvariantCulture), "标题", "heating", s, 0.5, 1)).ToArray();

        var choices = DecisionPolicy.Choices(hits, margin: 0.25);

        Assert.Equal(hits.Take(expected), choices);
    }

    [Fact]
    public void Confidence_IsALogisticOfTheFeatures_WhenWeightsAreGiven()
    {
        Assert.Equal(0.5, DecisionPolicy.Confidence(new CalibrationWeights(0, 0, 0, 0), 0.9, 0.5, 10));

        var defaults = CalibrationWeights.Answer(new RetrievalOptions());
        var narrow = DecisionPolicy.Confidence(defaults, 0.8, 0.05, 5);
        var clear = DecisionPolicy.Confidence(defaults, 0.8, 0.40, 5);
        Assert.InRange(narrow, 0.0, 1.0);
        Assert.InRange(clear, 0.0, 1.0);
        Assert.True(clear > narrow, "a larger lead over the runner-up means more confidence");
        Assert.True(DecisionPolicy.Confidence(defaults, 0.8, 0.40, 10) > clear, "more evidence means more confidence");
    }
}
