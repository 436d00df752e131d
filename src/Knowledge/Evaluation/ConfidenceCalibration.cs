using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Evaluation;

/// <summary>
/// Fits the retriever's two logistic models on labelled outcomes — "the top hit is right" and "the right entry is
/// among the offered choices", both over (top score, lead over the runner-up, evidence); a null question's hits are
/// never right — then picks the answer and clarify thresholds that maximize the correct-action rate, less a small cost per clarify. Used by
/// <c>eval --calibrate</c> to set the <see cref="RetrievalOptions"/> defaults.
/// </summary>
public static class ConfidenceCalibration
{
    private const double LearningRate = 0.3;
    private const int Iterations = 20_000;

    /// <summary>
    /// What offering choices costs against the correct-action rate when picking thresholds: the metric counts a
    /// clarify that holds the right entry as fully correct, but the resident pays with a second message.
    /// </summary>
    private const double ClarifyCost = 0.05;

    public sealed record Model(double Bias, double Score, double Gap, double Evidence, double LogLoss);

    public sealed record Fit(Model Answer, Model Choices, double AnswerThreshold, double ClarifyThreshold, double CorrectActionRate);

    public static Fit Run(IReadOnlyList<EvalOutcome> outcomes, RetrievalOptions current)
    {
        var withHits = outcomes.Where(o => o.Result.Hits.Count > 0).ToArray();
        var features = withHits.Select(o => Features(o.Result.Hits)).ToArray();
        var answerLabels = withHits.Select(o => o.Question.Expected is { } e && o.Result.Hits[0].EntryId == e).ToArray();
        var choicesLabels = withHits
            .Select(o => o.Question.Expected is { } e && DecisionPolicy.Choices(o.Result.Hits, current.ClarifyMargin).Any(h => h.EntryId == e))
            .ToArray();

        var (answer, answerLoss) = FitLogistic(features, answerLabels, CalibrationWeights.Answer(current));
        var (choices, choicesLoss) = FitLogistic(features, choicesLabels, CalibrationWeights.Choices(current));

        var best = (Answer: current.AnswerThreshold, Clarify: current.ClarifyThreshold, Rate: double.NaN, Objective: double.NegativeInfinity);
        for (var answerThreshold = 0.30; answerThreshold <= 0.951; answerThreshold += 0.025)
        {
            for (var clarifyThreshold = 0.05; clarifyThreshold <= 0.951; clarifyThreshold += 0.025)
            {
                var (rate, clarifyRate) = Rates(outcomes, answer, choices, answerThreshold, clarifyThreshold, current.ClarifyMargin);
                var objective = rate - (ClarifyCost * clarifyRate);
                if (objective > best.Objective + 1e-9)
                {
                    best = (answerThreshold, clarifyThreshold, rate, objective);
                }
            }
        }

        return new Fit(ToModel(answer, answerLoss), ToModel(choices, choicesLoss), Math.Round(best.Answer, 3), Math.Round(best.Clarify, 3), best.Rate);
    }

    private static (double Score, double Gap, double Evidence) Features(IReadOnlyList<SearchHit> hits) =>
        (hits[0].Score, hits[0].Score - (hits.Count > 1 ? hits[1].Score : 0), hits[0].Evidence);

    /// <summary>Batch gradient descent on the log loss: four coefficients and a few hundred samples need no more.</summary>
    private static (CalibrationWeights Weights, double LogLoss) FitLogistic(
        (double Score, double Gap, double Evidence)[] features,
        bool[] labels,
        CalibrationWeights start)
    {
        var w = start;
        var n = features.Length;
        if (n == 0)
        {
            return (w, double.NaN);
        }

        var logEvidence = features.Select(f => Math.Log(1 + f.Evidence)).ToArray();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            double gb = 0, gs = 0, gg = 0, ge = 0;
            for (var i = 0; i < n; i++)
            {
                var (score, gap, evidence) = features[i];
                var error = DecisionPolicy.Confidence(w, score, gap, evidence) - (labels[i] ? 1 : 0);
                gb += error;
                gs += error * score;
                gg += error * gap;
                ge += error * logEvidence[i];
            }

            // Projected onto non-negative slopes: confidence must never fall as the score, the lead or the evidence
            // grows. Unconstrained, the correlated score and evidence trade signs and the fit stops making sense
            // outside the data it was fitted on.
            w = new CalibrationWeights(
                w.Bias - (LearningRate * gb / n),
                Math.Max(0, w.Score - (LearningRate * gs / n)),
                Math.Max(0, w.Gap - (LearningRate * gg / n)),
                Math.Max(0, w.Evidence - (LearningRate * ge / n)));
        }

        var loss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(DecisionPolicy.Confidence(w, features[i].Score, features[i].Gap, features[i].Evidence), 1e-9, 1 - 1e-9);
            loss -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return (w, loss / n);
    }

    private static Model ToModel(CalibrationWeights w, double logLoss) =>
        new(Math.Round(w.Bias, 3), Math.Round(w.Score, 3), Math.Round(w.Gap, 3), Math.Round(w.Evidence, 3), logLoss);

    private static (double CorrectAction, double Clarify) Rates(
        IReadOnlyList<EvalOutcome> outcomes,
        CalibrationWeights answer,
        CalibrationWeights choices,
        double answerThreshold,
        double clarifyThreshold,
        double margin)
    {
        int correct = 0, clarified = 0;
        foreach (var o in outcomes)
        {
            var hits = o.Result.Hits;
            var decision = SearchDecision.Abstain;
            if (hits.Count > 0)
            {
                var (score, gap, evidence) = Features(hits);
                decision = DecisionPolicy.Decide(
                    DecisionPolicy.Confidence(answer, score, gap, evidence),
                    DecisionPolicy.Confidence(choices, score, gap, evidence),
                    hits.Count,
                    answerThreshold,
                    clarifyThreshold);
            }

            clarified += decision == SearchDecision.Clarify ? 1 : 0;
            var expected = o.Question.Expected;
            correct += (expected, decision) switch
            {
                (null, SearchDecision.Abstain) => 1,
                (not null, SearchDecision.Answer) when hits[0].EntryId == expected => 1,
                (not null, SearchDecision.Clarify) when DecisionPolicy.Choices(hits, margin).Any(h => h.EntryId == expected) => 1,
                _ => 0,
            };
        }

        return outcomes.Count == 0 ? (double.NaN, double.NaN) : ((double)correct / outcomes.Count, (double)clarified / outcomes.Count);
    }
}
