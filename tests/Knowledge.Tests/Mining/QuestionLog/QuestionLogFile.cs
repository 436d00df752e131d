using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Content;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Knowledge.Tests.Mining.QuestionLog;

/// <summary>A real <c>questions.db</c> in a fresh folder; every log opened through it is closed, and the folder deleted, on dispose.</summary>
internal sealed class QuestionLogFile : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();
    private readonly List<QuestionLogStore> _opened = [];

    public string DatabasePath => Path.Combine(_directory.Path, "data", "questions.db");

    public string KeyPath => Path.Combine(_directory.Path, "data", "questions.key");

    public async Task<QuestionLogStore> OpenAsync(TimeSpan? followUpWindow = null, int cachedResidents = LatestQuestionCache.DefaultCapacity)
    {
        var log = Create(followUpWindow, cachedResidents);
        await log.InitializeAsync(CancellationToken.None);
        return log;
    }

    /// <summary>A log not yet initialized: what is queued on it before <c>InitializeAsync</c> is committed as one group.</summary>
    public QuestionLogStore Create(TimeSpan? followUpWindow = null, int cachedResidents = LatestQuestionCache.DefaultCapacity)
    {
        var keys = ResidentKeys.Load(null, KeyPath, _ => { });
        var log = new QuestionLogStore(DatabasePath, keys, followUpWindow ?? TimeSpan.FromMinutes(10), NullLogger<QuestionLogStore>.Instance, cachedResidents);
        _opened.Add(log);
        return log;
    }

    public static QuestionRecord Question(
        string text,
        SearchDecision decision = SearchDecision.Abstain,
        string resident = "api:r1",
        TimeSpan? after = null,
        string? entryId = null,
        double confidence = 0.2) =>
        new(T0 + (after ?? TimeSpan.Zero), "api", ConversationKind.Group, resident, text, decision, confidence, entryId);

    public static async Task<List<LoggedQuestion>> AllAsync(QuestionLogStore log, SearchDecision? decision = null, int? limit = null)
    {
        await log.FlushAsync(CancellationToken.None);
        var rows = new List<LoggedQuestion>();
        await foreach (var row in log.ListAsync(T0.AddDays(-365), T0.AddDays(365), decision, limit, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var log in _opened)
        {
            await log.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
