using CitizenBot.Testing;
using CitizenBot.Knowledge.Mining;
using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Mining.Review;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Content;
using CitizenBot.Knowledge.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Knowledge.Tests.Mining.Review;

/// <summary>
/// The service's real parts on real files in a fresh data folder: the seed knowledge base imported into
/// <c>knowledge.db</c>, a <c>questions.db</c>, a <c>review.db</c>, on a manual clock just after the end of
/// <see cref="MiningStream"/>. <see cref="ReopenAsync"/> closes and reopens the knowledge base and review store on the
/// same files, as a restart does.
/// </summary>
internal sealed class ReviewHarness : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<IDisposable> _opened = [];

    private ReviewHarness()
    {
    }

    public ManualTimeProvider Clock { get; } = new(MiningStream.End.AddMinutes(1));

    public MiningServiceOptions Options { get; } = new();

    public QuestionLogStore Log { get; private set; } = null!;

    public KnowledgeBase Knowledge { get; private set; } = null!;

    public ReviewStore Store { get; private set; } = null!;

    public MiningService Mining { get; private set; } = null!;

    public string DataDirectory => Path.Combine(_directory.Path, "data");

    public static async Task<ReviewHarness> OpenAsync()
    {
        var harness = new ReviewHarness();
        var keys = ResidentKeys.Load(null, Path.Combine(harness.DataDirectory, "questions.key"), _ => { });
        harness.Log = new QuestionLogStore(Path.Combine(harness.DataDirectory, "questions.db"), keys, TimeSpan.FromMinutes(10), NullLogger<QuestionLogStore>.Instance);
        await harness.Log.InitializeAsync(CancellationToken.None);
        await harness.ReopenAsync();
        return harness;
    }

    /// <summary>Opens a new knowledge base, review store and service on the same files (the old ones are closed).</summary>
    public async Task ReopenAsync()
    {
        CloseServices();
        Store = new ReviewStore(Path.Combine(DataDirectory, Options.DatabaseFileName));
        Knowledge = new KnowledgeBase(
            Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions()),
            new KnowledgePaths(RepositoryPaths.KnowledgeBase, Path.Combine(DataDirectory, "knowledge.db")),
            NullLogger<KnowledgeBase>.Instance,
            Store);
        await Knowledge.InitializeAsync(importIfEmpty: true, CancellationToken.None);
        Mining = new MiningService(Knowledge, Log, Store, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<MiningService>.Instance);
        _opened.AddRange([Store, Knowledge, Mining]);
    }

    /// <summary>Records <paramref name="messages"/> through the real question log, each at its own time.</summary>
    public async Task RecordAsync(IEnumerable<MinedMessage> messages)
    {
        var i = 0;
        foreach (var message in messages)
        {
            var decision = message.Id.StartsWith("new-", StringComparison.Ordinal) ? SearchDecision.Abstain : SearchDecision.Answer;
            var recorded = Log.Record(new QuestionRecord(message.At, "api", ConversationKind.Group, $"api:r{i++ % 97}", message.Text, decision, 0.5, null));
            Assert.True(recorded, "the question log dropped a write");
        }

        await Log.FlushAsync(CancellationToken.None);
    }

    /// <summary>The stream: 2,000 ordinary questions and a new topic asked 30 ways, recorded in the log.</summary>
    public Task RecordNewTopicStreamAsync() =>
        RecordAsync(new MiningStream().WithOrdinaryQuestions(2000).WithNewTopic().Messages);

    public async ValueTask DisposeAsync()
    {
        CloseServices();
        await Log.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private void CloseServices()
    {
        // The service first: it stops before the parts it uses close.
        foreach (var opened in Enumerable.Reverse(_opened))
        {
            opened.Dispose();
        }

        _opened.Clear();
    }
}
