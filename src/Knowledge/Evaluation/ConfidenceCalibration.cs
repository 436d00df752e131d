using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Evaluation;

/// <summary>
/// Fits the retriever's logistic calibration on labelled outcomes: P(top hit is right | top score, lead over the
/// runner-up), where a null question's top hit is never right. Then picks the answer and clarify thresholds that
/// maximize the correct-action rate. Used by <c>eval --calibrate</c> to set <see cref="RetrievalOptions"/> defaults.
/// </summary>
public static class ConfidenceCalibration
{
    public sealed record Fit(double Bias, double Score, double Gap, double AnswerThreshold, double ClarifyThreshold, double CorrectActionRate, double LogLoss);

    public static Fit Run(IReadOnlyList<EvalOutcome> outcomes, RetrievalOptions current)
    {
        var samples = outcomes
            .Where(o => o.Result.Hits.Count > 0)
            .Select(o =>
            {
                var hits = o.Result.Hits;
                var gap = hits[0].Score - (hits.Count > 1 ? hits[1].Score : 0);
                return (Score: hits[0].Score, Gap: gap, Label: o.Question.Expected is not null && hits[0].EntryId == o.Question.Expected ? 1.0 : 0.0);
            })
            .ToArray();

        double b = current.CalibrationBias, ws = current.CalibrationScore, wg = current.CalibrationGap;
        const double LearningRate = 0.5;
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            double gb = 0, gs = 0, gg = 0;
            foreach (var (score, gap, label) in samples)
            {
                var error = DecisionPolicy.Confidence(b, ws, wg, score, gap) - label;
                gb += error;
                gs += error * score;
                gg += error * gap;
            }

            b -= LearningRate * gb / samples.Length;
            ws -= LearningRate * gs / samples.Length;
            wg -= LearningRate * gg / samples.Length;
        }

        var logLoss = -samples.Average(s =>
        {
            var p = Math.Clamp(DecisionPolicy.Confidence(b, ws, wg, s.Score, s.Gap), 1e-9, 1 - 1e-9);
            return (s.Label * Math.Log(p)) + ((1 - s.Label) * Math.Log(1 - p));
        });

        var best = (Answer: current.AnswerThreshold, Clarify: current.ClarifyThreshold, Rate: -1.0);
        for (var answer = 0.30; answer <= 0.951; answer += 0.025)
        {
            for (var clarify = 0.05; clarify <= answer + 1e-9; clarify += 0.025)
            {
                var rate = CorrectActionRate(outcomes, b, ws, wg, answer, clarify, current.ClarifyMargin);
                if (rate > best.Rate + 1e-9)
                {
                    best = (answer, clarify, rate);
                }
            }
        }

        return new Fit(Math.Round(b, 3), Math.Round(ws, 3), Math.Round(wg, 3), Math.Round(best.Answer, 3), Math.Round(best.Clarify, 3), best.Rate, logLoss);
    }

    private static double CorrectActionRate(IReadOnlyList<EvalOutcome> outcomes, double b, double ws, double wg, double answer, double clarify, double margin)
    {
        var correct = 0;
        foreach (var o in outcomes)
        {
            var hits = o.Result.Hits;
            var decision = SearchDecision.Abstain;
            if (hits.Count > 0)
            {
                var gap = hits[0].Score - (hits.Count > 1 ? hits[1].Score : 0);
                decision = DecisionPolicy.Decide(DecisionPolicy.Confidence(b, ws, wg, hits[0].Score, gap), hits.Count, answer, clarify);
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

        return (double)correct / outcomes.Count;
    }
}
