namespace CitizenBot.Knowledge.Evaluation;

/// <summary>Quality and speed over one evaluation run. Ratios are in [0, 1]; NaN when their denominator is 0.</summary>
public sealed record EvalMetrics(
    int Questions,
    int Answerable,
    int Unanswerable,
    double Top1Accuracy,
    double RecallAt5,
    double MeanReciprocalRank,
    double AbstainPrecision,
    double AbstainRecall,
    double CorrectActionRate,
    double AnswerRate,
    double ClarifyRate,
    double AbstainRate,
    double QueriesPerSecond,
    double P50Milliseconds,
    double P99Milliseconds)
{
    public static EvalMetrics From(IReadOnlyList<EvalOutcome> outcomes, TimeSpan elapsed)
    {
        var answerable = outcomes.Where(o => o.Question.Expected is not null).ToArray();
        var unanswerable = outcomes.Where(o => o.Question.Expected is null).ToArray();
        var abstained = outcomes.Where(o => o.Result.Decision == Retrieval.SearchDecision.Abstain).ToArray();
        var latencies = outcomes.Select(o => o.LatencyMilliseconds).Order().ToArray();

        return new EvalMetrics(
            outcomes.Count,
            answerable.Length,
            unanswerable.Length,
            Ratio(answerable.Count(o => o.ExpectedRank == 1), answerable.Length),
            Ratio(answerable.Count(o => o.ExpectedRank is >= 1 and <= 5), answerable.Length),
            answerable.Length == 0 ? double.NaN : answerable.Sum(o => o.ExpectedRank is >= 1 and <= 5 ? 1.0 / o.ExpectedRank : 0) / answerable.Length,
            Ratio(abstained.Count(o => o.Question.Expected is null), abstained.Length),
            Ratio(unanswerable.Count(o => o.Result.Decision == Retrieval.SearchDecision.Abstain), unanswerable.Length),
            Ratio(outcomes.Count(o => o.IsCorrectAction), outcomes.Count),
            Ratio(outcomes.Count(o => o.Result.Decision == Retrieval.SearchDecision.Answer), outcomes.Count),
            Ratio(outcomes.Count(o => o.Result.Decision == Retrieval.SearchDecision.Clarify), outcomes.Count),
            Ratio(abstained.Length, outcomes.Count),
            elapsed.TotalSeconds > 0 ? outcomes.Count / elapsed.TotalSeconds : double.NaN,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99));
    }

    private static double Ratio(int count, int total) => total == 0 ? double.NaN : (double)count / total;

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
