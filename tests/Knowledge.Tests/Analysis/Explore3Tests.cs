using System.Text;
using CitizenBot.Knowledge.Evaluation;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Analysis;

public class Explore3Tests
{
    [Fact]
    public async Task Explore()
    {
        var sb = new StringBuilder();
        var opts = new KnowledgeOptions();
        var qs = await EvalQuestionReader.ReadAsync(RepositoryPaths.DevSet, default);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var run = await EvaluationRunner.RunAsync(RepositoryPaths.KnowledgeBase, qs, RepositoryPaths.KnowledgeBase, opts, default);
        sb.AppendLine($"ran in {sw.ElapsedMilliseconds} {run.Metrics}");
        sw.Restart();
        var fit = ConfidenceCalibration.Run(run.Outcomes, opts.Retrieval);
        sb.AppendLine($"fit in {sw.ElapsedMilliseconds} {fit}");
        foreach (var o in run.Outcomes.Where(o => o.Result.Decision == SearchDecision.Clarify))
        {
            sb.AppendLine($"C {o.Question.Text} exp {o.Question.Expected} choices {string.Join(",", o.Result.Choices.Select(c => c.EntryId + ":" + c.Score))}");
        }
        foreach (var o in run.Outcomes.Where(o => o.Question.Expected is null))
        {
            sb.AppendLine($"NULL {o.Question.Text} {o.Result.Decision} {o.Result.Confidence}");
        }
        await File.WriteAllTextAsync("/tmp/explore3.txt", sb.ToString());
    }
}
