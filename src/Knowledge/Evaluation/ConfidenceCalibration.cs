using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Evaluation;

/// <summary>
/// Fits the retriever's logistic calibration on labelled outcomes: P(top hit is right | top score, lead over the
/// runner-up, evidence), where a null question's top hit is never right. Then picks the answer and clarify
/// thresholds that maximize the correct-action rate. Used by <c>eval --calibrate</c> to set the
/// <see cref="RetrievalOptions"/> defaults.
/// </summary>
public static class ConfidenceCalibration
{
    private const double LearningRate = 0.3;
    private const int Iterations = 30_000;

    public sealed record Fit(
        double Bias,
        double Score,
        double Gap,
        double Evidence,
        double AnswerThreshold,
        double ClarifyThreshold,
        double CorrectActionRate,
        double LogLoss);

    public static Fit Run(IReadOnlyList<EvalOutcome> outcomes, RetrievalOptions current)
    {
        var samples = outcomes
            .Where(o => o.Result.Hits.Count > 0)
            .Select(o => (Features: Features(o.Result.Hits), Label: o.Question.Expected is not null && o.Result.Hits[0].EntryId == o.Question.Expected ? 1.0 : 0.0))
            .ToArray();

        // Plain batch gradient descent on the log loss: four coefficients and a few hundred samples need nothing more.
        var w = CalibrationWeights.From(current);
        for (var iteration = 0; iteration < Iterations && samples.Length > 0; iteration++)
        {
            double gb = 0, gs = 0, gg = 0, ge = 0;
            foreach (var ((score, gap, evidence), label) in samples)
            {
                var error = DecisionPolicy.Confidence(w, score, gap, evidence) - label;
                gb += error;
                gs += error * score;
                gg += error * gap;
                ge += error * Math.Log(1 + evidence);
            }

            var n = samples.Length;
            w = new CalibrationWeights(w.Bias - (LearningRate * gb / n), w.Score - (LearningRate * gs / n), w.Gap - (LearningRate * gg / n), w.Evidence - (LearningRate * ge / n));
        }

        var logLoss = samples.Length == 0 ? double.NaN : -samples.Average(s =>
        {
            var p = Math.Clamp(DecisionPolicy.Confidence(w, s.Features.Score, s.Features.Gap, s.Features.Evidence), 1e-9, 1 - 1e-9);
            return (s.Label * Math.Log(p)) + ((1 - s.Label) * Math.Log(1 - p));
        });

        var best = (Answer: current.AnswerThreshold, Clarify: current.ClarifyThreshold, Rate: -1.0);
        for (var answer = 0.30; answer <= 0.951; answer += 0.025)
        {
            for (var clarify = 0.05; clarify <= answer + 1e-9; clarify += 0.025)
            {
                var rate = CorrectActionRate(outcomes, w, answer, clarify, current.ClarifyMargin);
                if (rate > best.Rate + 1e-9)
                {
                    best = (answer, clarify, rate);
                }
            }
        }

        return new Fit(
            Math.Round(w.Bias, 3),
            Math.Round(w.Score, 3),
            Math.Round(w.Gap, 3),
            Math.Round(w.Evidence, 3),
            Math.Round(best.Answer, 3),
            Math.Round(best.Clarify, 3),
            best.Rate,
            logLoss);
    }

    private static (double Score, double Gap, double Evidence) Features(IReadOnlyList<SearchHit> hits) =>
        (hits[0].Score, hits[0].Score - (hits.Count > 1 ? hits[1].Score : 0), hits[0].Evidence);

    private static double CorrectActionRate(IReadOnlyList<EvalOutcome> outcomes, CalibrationWeights w, double answer, double clarify, double margin)
    {
        var correct = 0;
        foreach (var o in outcomes)
        {
            var hits = o.Result.Hits;
            var decision = SearchDecision.Abstain;
            if (hits.Count > 0)
            {
                var (score, gap, evidence) = Features(hits);
                decision = DecisionPolicy.Decide(DecisionPolicy.Confidence(w, score, gap, evidence), hits.Count, answer, clarify);
            }

            var expected = o.Question.Expected;
            correct += (expected, decision) switch
            {
                (null, SearchDecision.Abstain) => 1,
                (not null, SearchDecision.Answer) when hits[0].EntryId == expected => 1,
                (not null, SearchDecision.Clarify) when DecisionPolicy.Choices(hits, margin).Any(h => h.EntryId == expected) => 1,
                _ => 0,
            };
        }

        return outcomes.Count == 0 ? double.NaN : (double)correct / outcomes.Count;
    }
}
