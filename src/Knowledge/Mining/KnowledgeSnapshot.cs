using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Mining.Review;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// A private copy of the knowledge base in a temporary folder, for offline mining: the service's database is copied
/// with SQLite's online backup from a read-only connection (a consistent snapshot even while the service writes),
/// or, when the service has no database yet, the content folder is imported into the copy. Opening an index may
/// re-tokenize or import; that must never happen to the service's own file. Disposing deletes the copy.
/// </summary>
public sealed class KnowledgeSnapshot : IDisposable
{
    private readonly string _directory;
    private readonly KnowledgeIndex _index;

    private KnowledgeSnapshot(string directory, KnowledgeIndex index, RetrievalOptions retrieval)
    {
        _directory = directory;
        _index = index;
        Retriever = new Retriever(index, retrieval);
    }

    public Retriever Retriever { get; }

    public KnowledgeIndex Index => _index;

    /// <summary>True when the copy was taken from the service's database, false when built from the content folder.</summary>
    public bool FromServiceDatabase { get; private init; }

    /// <exception cref="KnowledgeContentException">The content folder has invalid entries (only read without a database).</exception>
    /// <param name="paths">The service's content folder and database.</param>
    /// <param name="options">The service's knowledge options.</param>
    /// <param name="learned">The words and synonyms the service learned in review, so the copy analyzes as the service does.</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    public static async Task<KnowledgeSnapshot> OpenAsync(KnowledgePaths paths, KnowledgeOptions options, LearnedVocabulary learned, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"citizenbot-mine-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var copy = Path.Combine(directory, "knowledge.db");
        KnowledgeIndex? index = null;
        try
        {
            var fromService = File.Exists(paths.DatabasePath);
            if (fromService)
            {
                Backup(paths.DatabasePath, copy);
            }

            var (analyzer, categories) = await KnowledgeLoader.LoadAnalyzerAsync(paths.ContentDirectory, options, learned, cancellationToken);
            index = await KnowledgeIndex.OpenAsync(copy, analyzer, categories, options.Weights, cancellationToken);
            if (!fromService)
            {
                var content = await KnowledgeContentReader.ReadAsync(paths.ContentDirectory, cancellationToken);
                if (!content.IsValid)
                {
                    throw new KnowledgeContentException(
                        $"The knowledge base at {paths.ContentDirectory} has errors:{Environment.NewLine}{string.Join(Environment.NewLine, content.Errors)}");
                }

                await index.UpsertManyAsync(content.Entries, cancellationToken);
            }

            return new KnowledgeSnapshot(directory, index, options.Retrieval) { FromServiceDatabase = fromService };
        }
        catch
        {
            index?.Dispose();
            Delete(directory);
            throw;
        }
    }

    public void Dispose()
    {
        _index.Dispose();
        Delete(_directory);
    }

    private static void Backup(string source, string destination)
    {
        var readOnly = new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var from = new SqliteConnection(readOnly);
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
    }

    private static void Delete(string directory)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
