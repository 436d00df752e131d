using System.CommandLine;
using System.Globalization;
using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Evaluation;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Cli;

/// <summary>
/// <c>eval --kb &lt;folder|file.jsonl&gt; --questions &lt;file.jsonl&gt; [--out results.jsonl] [--calibrate]</c>:
/// answer every labelled question from a throwaway index and print the quality and speed figures.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(IServiceProvider services)
    {
        var kb = new Option<string>("--kb") { Description = "Knowledge base: a content folder or a .jsonl file of entries.", Required = true };
        var questions = new Option<string>("--questions") { Description = "Labelled questions, JSON Lines {\"id\",\"text\",\"expected\"}.", Required = true };
        var output = new Option<string?>("--out") { Description = "Write one result line per question here." };
        var lexicon = new Option<string?>("--lexicon") { Description = "Folder with lexicon.txt and synonyms.txt (default: the --kb folder, else the configured content folder)." };
        var calibrate = new Option<bool>("--calibrate") { Description = "Also fit the confidence calibration and thresholds on these questions and print them." };
        var command = new Command("eval", "Evaluate retrieval quality on labelled questions (never touches the service's data).")
        {
            kb, questions, output, lexicon, calibrate,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var kbPath = result.GetValue(kb)!;
            var lexiconDirectory = result.GetValue(lexicon)
                ?? (Directory.Exists(kbPath) ? kbPath : services.GetRequiredService<KnowledgePaths>().ContentDirectory);
            try
            {
                var labelled = await EvalQuestionReader.ReadAsync(result.GetValue(questions)!, cancellationToken);
                var run = await EvaluationRunner.RunAsync(kbPath, labelled, lexiconDirectory, options, cancellationToken);
                if (result.GetValue(output) is { } outPath)
                {
                    await EvalResultWriter.WriteAsync(outPath, run.Outcomes, cancellationToken);
                }

                Print(run);
                if (result.GetValue(calibrate))
                {
                    PrintCalibration(ConfidenceCalibration.Run(run.Outcomes, options.Retrieval));
                }

                return 0;
            }
            catch (KnowledgeContentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static void Print(EvalRun run)
    {
        var m = run.Metrics;
        var lines = new (string Name, string Value)[]
        {
            ("entries", $"{run.EntryCount}"),
            ("questions", $"{m.Questions} ({m.Answerable} answerable, {m.Unanswerable} null)"),
            ("top-1 accuracy", Percent(m.Top1Accuracy)),
            ("recall@5", Percent(m.RecallAt5)),
            ("MRR", $"{m.MeanReciprocalRank:0.000}"),
            ("abstain precision", Percent(m.AbstainPrecision)),
            ("abstain recall", Percent(m.AbstainRecall)),
            ("correct-action rate", Percent(m.CorrectActionRate)),
            ("decisions", $"answer {Percent(m.AnswerRate)}, clarify {Percent(m.ClarifyRate)}, abstain {Percent(m.AbstainRate)}"),
            ("queries/s", $"{m.QueriesPerSecond:0}"),
            ("latency p50 / p99", $"{m.P50Milliseconds:0.000} ms / {m.P99Milliseconds:0.000} ms"),
        };
        foreach (var (name, value) in lines)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22}{value}"));
        }
    }

    private static void PrintCalibration(ConfidenceCalibration.Fit fit)
    {
        Console.WriteLine();
        Console.WriteLine("calibration fitted on these questions (Knowledge:Retrieval settings):");
        var (a, c) = (fit.Answer, fit.Choices);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CalibrationBias={a.Bias} CalibrationScore={a.Score} CalibrationGap={a.Gap} CalibrationEvidence={a.Evidence} (log loss {a.LogLoss:0.000})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ChoicesBias={c.Bias} ChoicesScore={c.Score} ChoicesGap={c.Gap} ChoicesEvidence={c.Evidence} (log loss {c.LogLoss:0.000})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  AnswerThreshold={fit.AnswerThreshold} ClarifyThreshold={fit.ClarifyThreshold} → correct-action rate {Percent(fit.CorrectActionRate)}"));
    }

    private static string Percent(double ratio) =>
        double.IsNaN(ratio) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{ratio * 100:0.0}%");
}
