using CitizenBot.Knowledge.Curation;
using CitizenBot.Knowledge.Tests.Content;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge.Tests.Curation;

/// <summary>
/// A knowledge base over a small content folder (two categories, a few lexicon words) and a real database file in a
/// temporary folder, with an <see cref="EntryCurator"/> on a manual clock. Reopening keeps the database file.
/// </summary>
internal sealed class CurationHarness : IAsyncDisposable
{
    /// <summary>18:30 UTC: already the next day in China (UTC+8).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 18, 30, 0, TimeSpan.Zero);

    public static readonly DateOnly ChinaToday = new(2026, 11, 22);

    private readonly TemporaryDirectory _directory = new();
    private KnowledgeBase? _knowledge;

    private CurationHarness()
    {
        _directory.WriteText("content/faq-categories.yaml", "- id: heating\n  name: 供热采暖\n- id: household\n  name: 户籍\n");
        _directory.WriteText("content/lexicon.txt", "暖气\n居住证\n地暖\n落户\n");
        _directory.WriteText("content/synonyms.txt", "供暖,暖气,供热\n");
    }

    public ManualClock Clock { get; } = new(Start);

    public string Root => _directory.Path;

    public string DatabasePath => Path.Combine(_directory.Path, "data", "knowledge.db");

    public KnowledgeBase Knowledge => _knowledge ?? throw new InvalidOperationException("Not open.");

    public EntryCurator Curator { get; private set; } = null!;

    public static async Task<CurationHarness> OpenAsync()
    {
        var harness = new CurationHarness();
        await harness.ReopenAsync();
        return harness;
    }

    /// <summary>Closes the knowledge base (if open) and opens the same database file again.</summary>
    public async Task ReopenAsync()
    {
        Close();
        var options = Options.Create(new KnowledgeOptions { ImportOnFirstStart = false });
        var paths = new KnowledgePaths(Path.Combine(_directory.Path, "content"), DatabasePath);
        _knowledge = new KnowledgeBase(options, paths, NullLogger<KnowledgeBase>.Instance);
        await _knowledge.InitializeAsync(CancellationToken.None);
        Curator = new EntryCurator(_knowledge, Clock, NullLogger<EntryCurator>.Instance);
    }

    /// <summary>Ids of the entries a search for <paramref name="text"/> finds at all.</summary>
    public string[] Find(string text) => Knowledge.Retriever.Search(text, 10).Hits.Select(h => h.EntryId).ToArray();

    public string WriteText(string relativePath, string text) => _directory.WriteText(relativePath, text);

    public void Close()
    {
        _knowledge?.Dispose();
        _knowledge = null;
        SqliteConnection.ClearAllPools();
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
