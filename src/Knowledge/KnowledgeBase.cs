using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge;

/// <summary>
/// The knowledge module's front door for the host: opens the index in the data directory, imports the content
/// folder on first start, and serves searches, lookups, imports and reindexing.
/// </summary>
/// <remarks>Call <c>InitializeAsync</c> once before use; every other member is thread-safe.</remarks>
public sealed class KnowledgeBase(IOptions<KnowledgeOptions> options, KnowledgePaths paths, ILogger<KnowledgeBase> logger) : IDisposable
{
    private readonly KnowledgeOptions _options = options.Value;
    private KnowledgeIndex? _index;
    private Retriever? _retriever;

    public Retriever Retriever => _retriever ?? throw NotInitialized();

    public KnowledgeIndex Index => _index ?? throw NotInitialized();

    /// <summary>The content folder found for <see cref="KnowledgeOptions.ContentDirectory"/>.</summary>
    public string ContentDirectory => paths.ContentDirectory;

    /// <summary>Opens the index and, when it is empty and configured so, imports the content folder.</summary>
    /// <exception cref="KnowledgeContentException">The content folder has invalid entries.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        InitializeAsync(_options.ImportOnFirstStart, cancellationToken);

    /// <summary>Opens the index; imports the content folder when it is empty and <paramref name="importIfEmpty"/>.</summary>
    /// <exception cref="KnowledgeContentException">The content folder has invalid entries.</exception>
    public async Task InitializeAsync(bool importIfEmpty, CancellationToken cancellationToken)
    {
        if (_index is not null)
        {
            return;
        }

        var (analyzer, categories) = await KnowledgeLoader.LoadAnalyzerAsync(paths.ContentDirectory, _options, cancellationToken);
        _index = await KnowledgeIndex.OpenAsync(paths.DatabasePath, analyzer, categories, _options.Weights, cancellationToken);
        _retriever = new Retriever(_index, _options.Retrieval);
        Log.IndexOpened(logger, paths.DatabasePath, _index.Count, analyzer.Lexicon.Count);

        if (_index.Count == 0 && importIfEmpty && (await _index.ListIdsAsync(cancellationToken)).Count == 0)
        {
            var report = await ImportAsync(paths.ContentDirectory, cancellationToken);
            if (!report.Content.IsValid)
            {
                throw new KnowledgeContentException(
                    $"The knowledge base at {paths.ContentDirectory} has errors:{Environment.NewLine}{string.Join(Environment.NewLine, report.Content.Errors)}");
            }
        }
    }

    /// <summary>
    /// Validates everything at <paramref name="path"/> (a folder of .md entries or a .jsonl file) and imports it
    /// only if there is no error at all.
    /// </summary>
    public async Task<ImportReport> ImportAsync(string path, CancellationToken cancellationToken)
    {
        var content = await KnowledgeContentReader.ReadAsync(path, cancellationToken);
        if (!content.IsValid)
        {
            Log.ImportRejected(logger, content.Errors.Count);
            return new ImportReport(content, null);
        }

        var summary = await Index.UpsertManyAsync(content.Entries, cancellationToken);
        Log.Imported(logger, summary.Added, summary.Updated, summary.Unchanged);
        return new ImportReport(content, summary);
    }

    public Task<KnowledgeEntry?> GetAsync(string id, CancellationToken cancellationToken) => Index.GetAsync(id, cancellationToken);

    public Task ReindexAsync(CancellationToken cancellationToken) => Index.ReindexAsync(cancellationToken);

    public void Dispose() => _index?.Dispose();

    private static InvalidOperationException NotInitialized() =>
        new("The knowledge base is not initialized; call InitializeAsync at start-up.");
}
