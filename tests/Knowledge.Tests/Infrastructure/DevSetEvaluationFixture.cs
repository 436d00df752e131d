using CitizenBot.Knowledge.Evaluation;
using CitizenBot.Knowledge.Tests.Content;

namespace CitizenBot.Knowledge.Tests.Infrastructure;

/// <summary>
/// One evaluation run of the seed knowledge base on <c>tests/data/devset.jsonl</c>, shared by a test class, with
/// the runner's work folders (under a temporary root of its own) checked after it.
/// </summary>
public sealed class DevSetEvaluationFixture : IAsyncLifetime
{
    /// <summary>The prefix of the runner's work folder.</summary>
    public const string WorkFolderPattern = "citizenbot-eval-*";

    private readonly TemporaryDirectory _workRoot = new();
    private EvalRun? _run;

    public EvalRun Run => _run ?? throw new InvalidOperationException("Not initialized.");

    public IReadOnlyList<EvalQuestion> Questions { get; private set; } = [];

    /// <summary>Work folders that appeared during the run and were still there after it.</summary>
    public IReadOnlyList<string> LeftoverWorkFolders { get; private set; } = [];

    /// <summary>
    /// Work folders under <paramref name="root"/>. Tests give the runner a root of their own: the shared temp folder
    /// also holds the work folders of evaluations other test processes run at the same time.
    /// </summary>
    public static HashSet<string> WorkFolders(string root) =>
        [.. Directory.EnumerateDirectories(root, WorkFolderPattern)];

    public async Task InitializeAsync()
    {
        Questions = await EvalQuestionReader.ReadAsync(RepositoryPaths.DevSet, CancellationToken.None);
        _run = await EvaluationRunner.RunAsync(
            RepositoryPaths.KnowledgeBase,
            Questions,
            RepositoryPaths.KnowledgeBase,
            new KnowledgeOptions(),
            _workRoot.Path,
            CancellationToken.None);
        LeftoverWorkFolders = [.. WorkFolders(_workRoot.Path)];
    }

    public Task DisposeAsync()
    {
        _workRoot.Dispose();
        return Task.CompletedTask;
    }
}
