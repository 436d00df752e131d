using CitizenBot.Knowledge.Evaluation;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Tests.Evaluation;

public sealed class EvalMetricsTests
{
    private static readonly SearchHit A = Hit("a"), B = Hit("b"), C = Hit("c"), D = Hit("d"), E = Hit("e"), F = Hit("f");

    /// <summary>Six outcomes whose metrics are worked out by hand below.</summary>
    private static readonly EvalOutcome[] Outcomes =
    [
        // Answerable, answered right: rank 1.
        Outcome("q1", "a", SearchDecision.Answer, [A, B], [], latency: 1),
        // Answerable, clarify offering the expected entry second: rank 2, a correct action.
        Outcome("q2", "a", SearchDecision.Clarify, [B, A, C], [B, A], latency: 2),
        // Answerable, answered wrong; the expected entry is sixth: outside recall@5 and MRR@5.
        Outcome("q3", "a", SearchDecision.Answer, [B, C, D, E, F, A], [], latency: 3),
        // Unanswerable, abstained: a correct action.
        Outcome("q4", null, SearchDecision.Abstain, [], [], latency: 4),
        // Unanswerable, answered: wrong.
        Outcome("q5", null, SearchDecision.Answer, [A], [], latency: 5),
        // Answerable, abstained although the right entry was first: rank 1, a wrong action.
        Outcome("q6", "c", SearchDecision.Abstain, [C], [], latency: 6),
    ];

    [Fact]
    public void From_ComputesEveryMetric_WhenOutcomesAreHandMade()
    {
        var m = EvalMetrics.From(Outcomes, TimeSpan.FromSeconds(2));

        Assert.Equal(6, m.Questions);
        Assert.Equal(4, m.Answerable);
        Assert.Equal(2, m.Unanswerable);
        Assert.Equal(2.0 / 4, m.Top1Accuracy, precision: 12);        // q1, q6
        Assert.Equal(3.0 / 4, m.RecallAt5, precision: 12);           // q1, q2, q6
        Assert.Equal((1 + 0.5 + 0 + 1) / 4, m.MeanReciprocalRank, precision: 12);
        Assert.Equal(1.0 / 2, m.AbstainPrecision, precision: 12);    // abstained on q4 (right) and q6 (wrong)
        Assert.Equal(1.0 / 2, m.AbstainRecall, precision: 12);       // of q4 and q5, abstained on q4
        Assert.Equal(3.0 / 6, m.CorrectActionRate, precision: 12);   // q1, q2, q4
        Assert.Equal(3.0 / 6, m.AnswerRate, precision: 12);
        Assert.Equal(1.0 / 6, m.ClarifyRate, precision: 12);
        Assert.Equal(2.0 / 6, m.AbstainRate, precision: 12);
        Assert.Equal(3.0, m.QueriesPerSecond, precision: 12);
        Assert.Equal(3.0, m.P50Milliseconds);
        Assert.Equal(6.0, m.P99Milliseconds);
    }

    [Fact]
    public void From_ReturnsNaNRatios_WhenThereAreNoOutcomes()
    {
        var m = EvalMetrics.From([], TimeSpan.Zero);

        Assert.Equal(0, m.Questions);
        Assert.True(double.IsNaN(m.Top1Accuracy));
        Assert.True(double.IsNaN(m.MeanReciprocalRank));
        Assert.True(double.IsNaN(m.AbstainPrecision));
        Assert.True(double.IsNaN(m.CorrectActionRate));
        Assert.True(double.IsNaN(m.QueriesPerSecond));
        Assert.True(double.IsNaN(m.P50Milliseconds));
    }

    [Fact]
    public void From_ReturnsNaNAbstainPrecision_WhenNothingWasAbstainedOn()
    {
        var m = EvalMetrics.From([Outcomes[0], Outcomes[4]], TimeSpan.FromSeconds(1));

        Assert.True(double.IsNaN(m.AbstainPrecision));
        Assert.Equal(0.0, m.AbstainRecall);
    }

    /// <summary>The correct-action rule: (expected, decision, answered entry, offered choices) → correct.</summary>
    [Theory]
    [InlineData(null, SearchDecision.Abstain, null, "", true)]
    [InlineData(null, SearchDecision.Answer, "a", "", false)]
    [InlineData(null, SearchDecision.Clarify, null, "a,b", false)]
    [InlineData("a", SearchDecision.Answer, "a", "", true)]
    [InlineData("a", SearchDecision.Answer, "b", "", false)]
    [InlineData("a", SearchDecision.Clarify, null, "b,a", true)]
    [InlineData("a", SearchDecision.Clarify, null, "b,c,d", false)]
    [InlineData("a", SearchDecision.Abstain, null, "", false)]
    public void IsCorrectAction_FollowsTheRuleTable_WhenDecisionAndExpectationVary(
        string? expected,
        SearchDecision decision,
        string? entry,
        string choices,
        bool correct)
    {
        var offered = choices.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Hit).ToArray();
        var hits = entry is null ? offered : [Hit(entry)];
        var outcome = new EvalOutcome(new EvalQuestion("q", "问题", expected), new SearchResult(decision, 0.5, 0.5, hits, offered), entry, 1);

        Assert.Equal(correct, outcome.IsCorrectAction);
    }

    [Fact]
    public void ExpectedRank_IsZero_WhenExpectedEntryIsNotAmongTheHits()
    {
        Assert.Equal(0, Outcome("q", "z", SearchDecision.Answer, [A, B], [], latency: 1).ExpectedRank);
        Assert.Equal(2, Outcome("q", "b", SearchDecision.Answer, [A, B], [], latency: 1).ExpectedRank);
        Assert.Equal(0, Outcome("q", null, SearchDecision.Abstain, [A], [], latency: 1).ExpectedRank);
    }

    private static SearchHit Hit(string id) => new(id, id, "heating", 0.5, 0.5, 1);

    private static EvalOutcome Outcome(string id, string? expected, SearchDecision decision, SearchHit[] hits, SearchHit[] choices, double latency) =>
        new(
            new EvalQuestion(id, id, expected),
            new SearchResult(decision, hits.Length > 0 ? hits[0].Confidence : 0, 0, hits, choices),
            decision == SearchDecision.Answer ? hits[0].EntryId : null,
            latency);
}
