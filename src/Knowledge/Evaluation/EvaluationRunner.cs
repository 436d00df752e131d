using System.Diagnostics;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Evaluation;

/// <summary>
/// Builds a throwaway index from a knowledge base in a temporary folder (never the service's data), answers every
/// labelled question and measures quality and speed.
/// </summary>
public static class EvaluationRunner
{
    /// <remarks>
    /// <paramref name="knowledgeBasePath"/> is a content folder or a .jsonl file of entries; lexicon.txt,
    /// synonyms.txt and faq-categories.yaml are read from <paramref name="lexiconDirectory"/>.
    /// </remarks>
    /// <exception cref="KnowledgeContentException">The knowledge base or the questions are invalid.</exception>
    public static Task<EvalRun> RunAsync(
        string knowledgeBasePath,
        IReadOnlyList<EvalQuestion> questions,
        string lexiconDirectory,
        KnowledgeOptions options,
        CancellationToken cancellationToken) =>
        RunAsync(knowledgeBasePath, questions, lexiconDirectory, options, Path.GetTempPath(), cancellationToken);

    /// <summary>As the public overload, with the throwaway index made under <paramref name="workRoot"/>.</summary>
    internal static async Task<EvalRun> RunAsync(
        string knowledgeBasePath,
        IReadOnlyList<EvalQuestion> questions,
        string lexiconDirectory,
        KnowledgeOptions options,
        string workRoot,
        CancellationToken cancellationToken)
    {
        var content = await KnowledgeContentReader.ReadAsync(knowledgeBasePath, cancellationToken);
        if (!content.IsValid)
        {
            throw new KnowledgeContentException(
                $"The knowledge base at {knowledgeBasePath} has errors:{Environment.NewLine}{string.Join(Environment.NewLine, content.Errors)}");
        }

        var workDirectory = Path.Combine(workRoot, $"citizenbot-eval-{Guid.NewGuid():N}");
        try
        {
            var (analyzer, categories) = await KnowledgeLoader.LoadAnalyzerAsync(lexiconDirectory, options, cancellationToken);
            using var index = await KnowledgeIndex.OpenAsync(Path.Combine(workDirectory, "knowledge.db"), analyzer, categories, options.Weights, cancellationToken);
            await index.UpsertManyAsync(content.Entries, cancellationToken);
            var retriever = new Retriever(index, options.Retrieval);

            // One untimed search loads the ICU tables and warms SQLite's page cache, so latencies describe steady state.
            retriever.Search("供暖");

            var outcomes = new List<EvalOutcome>(questions.Count);
            var total = Stopwatch.StartNew();
            foreach (var question in questions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var result = retriever.Validate(question.Text) is null ? retriever.Search(question.Text, 5) : SearchResult.Empty;
                var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                outcomes.Add(new EvalOutcome(question, result, result.Answer?.EntryId, latency));
            }

            total.Stop();
            return new EvalRun(outcomes, EvalMetrics.From(outcomes, total.Elapsed), content.Entries.Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(workDirectory))
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
    }
}
