using System.Globalization;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Evaluation;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Content;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Evaluation;

/// <summary>
/// Quality regression guards on the development set. The bars are product requirements, not timings: a change to
/// the analyzer, the scorer or the calibration that drops below them must be fixed or the bars consciously moved.
/// </summary>
public sealed class EvaluationRunnerTests(DevSetEvaluationFixture evaluation) : IClassFixture<DevSetEvaluationFixture>
{
    private const double MinimumTop1Accuracy = 0.85;
    private const double MinimumCorrectActionRate = 0.80;

    [Fact]
    public async Task RunAsync_AnswersEveryDevSetQuestion_WhenRunOnTheSeedKnowledgeBase()
    {
        var run = evaluation.Run;
        var seed = await KnowledgeContentReader.ReadAsync(RepositoryPaths.KnowledgeBase, CancellationToken.None);

        Assert.Equal(seed.Entries.Count, run.EntryCount);
        Assert.True(run.EntryCount >= 170, "the seed knowledge base has some 170 entries");
        Assert.Equal(evaluation.Questions.Count, run.Metrics.Questions);
        Assert.True(run.Metrics.Questions >= 500, "the dev set has some 500 questions");
        Assert.True(run.Metrics.Unanswerable > 0, "the dev set has questions the bot should abstain on");
        Assert.Equal(evaluation.Questions.Select(q => q.Id), run.Outcomes.Select(o => o.Question.Id));
        Assert.All(run.Outcomes, o => Assert.Equal(o.Result.Answer?.EntryId, o.Entry));
    }

    [Fact]
    public void RunAsync_MeetsTheTop1AccuracyBar_WhenRunOnTheDevSet() =>
        Assert.True(
            evaluation.Run.Metrics.Top1Accuracy >= MinimumTop1Accuracy,
            string.Create(CultureInfo.InvariantCulture, $"top-1 accuracy {evaluation.Run.Metrics.Top1Accuracy:P1} is below {MinimumTop1Accuracy:P0}"));

    [Fact]
    public void RunAsync_MeetsTheCorrectActionBar_WhenRunOnTheDevSet() =>
        Assert.True(
            evaluation.Run.Metrics.CorrectActionRate >= MinimumCorrectActionRate,
            string.Create(CultureInfo.InvariantCulture, $"correct-action rate {evaluation.Run.Metrics.CorrectActionRate:P1} is below {MinimumCorrectActionRate:P0}"));

    [Fact]
    public void RunAsync_ReportsConsistentRates_WhenRunOnTheDevSet()
    {
        var m = evaluation.Run.Metrics;

        Assert.Equal(m.Questions, m.Answerable + m.Unanswerable);
        Assert.Equal(1.0, m.AnswerRate + m.ClarifyRate + m.AbstainRate, precision: 9);
        Assert.True(m.RecallAt5 >= m.Top1Accuracy);
        Assert.InRange(m.MeanReciprocalRank, m.Top1Accuracy, m.RecallAt5);
        Assert.True(m.P99Milliseconds >= m.P50Milliseconds);
    }

    [Fact]
    public void RunAsync_DeletesItsWorkFolder_WhenRunCompletes() =>
        Assert.Empty(evaluation.LeftoverWorkFolders);

    [Fact]
    public async Task RunAsync_DeletesItsWorkFolder_WhenCancelledPartWay()
    {
        using var cancellation = new CancellationTokenSource();
        var questions = new CancellingList<EvalQuestion>(
            [new("q1", "暖气不热怎么办", "heating-01"), new("q2", "居住证要带什么材料", "residence-permit-02"), new("q3", "你好", null)],
            cancelAt: 1,
            cancellation);
        using var workRoot = new TemporaryDirectory();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EvaluationRunner.RunAsync(
            RepositoryPaths.KnowledgeBase,
            questions,
            RepositoryPaths.KnowledgeBase,
            new KnowledgeOptions(),
            workRoot.Path,
            cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested, "the run was cancelled after its index was built");
        Assert.Empty(DevSetEvaluationFixture.WorkFolders(workRoot.Path));
    }

    [Fact]
    public async Task RunAsync_Throws_WhenKnowledgeBaseIsMissing()
    {
        var missing = Path.Combine(RepositoryPaths.Root, "no-such-knowledge-base.jsonl");

        await Assert.ThrowsAsync<KnowledgeContentException>(() => EvaluationRunner.RunAsync(
            missing,
            [new("q1", "暖气不热怎么办", "heating-01")],
            RepositoryPaths.KnowledgeBase,
            new KnowledgeOptions(),
            CancellationToken.None));
    }

    [Fact]
    public void ConfidenceCalibration_FitsWeightsThatSeparateRightFromWrong_WhenSamplesAreSeparable()
    {
        var outcomes = new List<EvalOutcome>();
        for (var i = 0; i < 8; i++)
        {
            var strong = 0.80 + (i * 0.01);
            outcomes.Add(Outcome(string.Create(CultureInfo.InvariantCulture, $"a{i}"), "heating-01", SearchDecision.Answer, Hit("heating-01", strong, evidence: 8), Hit("heating-02", 0.30, evidence: 2)));
            outcomes.Add(Outcome(string.Create(CultureInfo.InvariantCulture, $"n{i}"), null, SearchDecision.Abstain, Hit("heating-05", 0.30 + (i * 0.01), evidence: 0.5), Hit("heating-06", 0.28, evidence: 0.4)));
        }

        var fit = ConfidenceCalibration.Run(outcomes, new RetrievalOptions());

        var weights = new CalibrationWeights(fit.Answer.Bias, fit.Answer.Score, fit.Answer.Gap, fit.Answer.Evidence);
        Assert.True(DecisionPolicy.Confidence(weights, 0.85, 0.55, 8) > 0.9);
        Assert.True(DecisionPolicy.Confidence(weights, 0.32, 0.03, 0.5) < 0.1);
        Assert.Equal(1.0, fit.CorrectActionRate);
        Assert.InRange(fit.ClarifyThreshold, 0.0, 1.0);
        Assert.True(fit.Answer.LogLoss < 0.1, string.Create(CultureInfo.InvariantCulture, $"log loss {fit.Answer.LogLoss}"));
        Assert.True(fit.Answer.Score >= 0 && fit.Answer.Gap >= 0 && fit.Answer.Evidence >= 0, "slopes stay non-negative");
    }

    private static SearchHit Hit(string id, double score, double evidence) => new(id, id, "heating", score, 0, evidence);

    private static EvalOutcome Outcome(string id, string? expected, SearchDecision decision, params SearchHit[] hits) =>
        new(new EvalQuestion(id, id, expected), new SearchResult(decision, 0, 0, hits, []), decision == SearchDecision.Answer ? hits[0].EntryId : null, 1);
}
