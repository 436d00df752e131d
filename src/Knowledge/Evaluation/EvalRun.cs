namespace CitizenBot.Knowledge.Evaluation;

/// <summary>The outcomes and metrics of one evaluation run.</summary>
public sealed record EvalRun(IReadOnlyList<EvalOutcome> Outcomes, EvalMetrics Metrics, int EntryCount);
