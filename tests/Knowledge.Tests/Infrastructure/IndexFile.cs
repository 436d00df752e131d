using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Tests.Content;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Tests.Infrastructure;

/// <summary>
/// A real SQLite index file in a fresh temporary folder. Every index opened through it is disposed, SQLite's pools
/// cleared and the folder deleted on dispose.
/// </summary>
internal sealed class IndexFile : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<KnowledgeIndex> _opened = [];

    public string DatabasePath => Path.Combine(_directory.Path, "data", "knowledge.db");

    public async Task<KnowledgeIndex> OpenAsync(ChineseAnalyzer analyzer, FaqCategoryCatalog? categories = null)
    {
        var index = await KnowledgeIndex.OpenAsync(
            DatabasePath,
            analyzer,
            categories ?? FaqCategoryCatalog.Empty,
            new IndexWeights(),
            CancellationToken.None);
        _opened.Add(index);
        return index;
    }

    public void Dispose()
    {
        foreach (var index in _opened)
        {
            index.Dispose();
        }

        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
