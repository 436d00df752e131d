using CitizenBot.Knowledge.Evaluation;

namespace CitizenBot.Knowledge.Tests.Infrastructure;

/// <summary>
/// One evaluation run of the seed knowledge base on <c>tests/data/devset.jsonl</c>, shared by a test class, with
/// the runner's work folders seen in the temp folder before and after it.
/// </summary>
public sealed class DevSetEvaluationFixture : IAsyncLifetime
{
    /// <summary>The prefix of the runner's work folder under <see cref="Path.GetTempPath"/>.</summary>
    public const string WorkFolderPattern = "citizenbot-eval-*";

    private EvalRun? _run;

    public EvalRun Run => _run ?? throw new InvalidOperationException("Not initialized.");

    public IReadOnlyList<EvalQuestion> Questions { get; private set; } = [];

    /// <summary>Work folders that appeared during the run and were still there after it.</summary>
    public IReadOnlyList<string> LeftoverWorkFolders { get; private set; } = [];

    public static HashSet<string> WorkFolders() =>
        [.. Directory.EnumerateDirectories(Path.GetTempPath(), WorkFolderPattern)];

    public async Task InitializeAsync()
    {
        Questions = await EvalQuestionReader.ReadAsync(RepositoryPaths.DevSet, CancellationToken.None);
        var before = WorkFolders();
        _run = await EvaluationRunner.RunAsync(
            RepositoryPaths.KnowledgeBase,
            Questions,
            RepositoryPaths.KnowledgeBase,
            new KnowledgeOptions(),
            CancellationToken.None);
        LeftoverWorkFolders = [.. WorkFolders().Except(before)];
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
