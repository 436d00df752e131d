using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Mining.Review;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge;

/// <summary>
/// The knowledge module's front door for the host: opens the index in the data directory, imports the content
/// folder on first start, and serves searches, lookups, imports and reindexing.
/// </summary>
/// <remarks>
/// Call <c>InitializeAsync</c> once before use; every other member is thread-safe. With a <see cref="ReviewStore"/>
/// (registered by <c>AddMiningReview</c>), the words and synonyms learned in review join the content folder's lexicon,
/// at start and whenever an admin accepts one.
/// </remarks>
public sealed class KnowledgeBase(
    IOptions<KnowledgeOptions> options,
    KnowledgePaths paths,
    ILogger<KnowledgeBase> logger,
    ReviewStore? review = null) : IDisposable
{
    private readonly KnowledgeOptions _options = options.Value;
    private KnowledgeIndex? _index;
    private Retriever? _retriever;
    private LexiconSource _lexiconFiles = LexiconSource.Empty;
    private TextNormalizer? _normalizer;

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

        // The learned words are part of the analyzer's fingerprint: loading them before the index opens keeps a
        // restart from re-tokenizing everything, and keeps them known from the first search on.
        var learned = review is null ? LearnedVocabulary.Empty : await review.ReadVocabularyAsync(cancellationToken);
        var (lexiconFiles, normalizer, categories) = await KnowledgeLoader.LoadSourcesAsync(paths.ContentDirectory, _options, cancellationToken);
        var analyzer = KnowledgeLoader.BuildAnalyzer(lexiconFiles, learned, normalizer);
        _lexiconFiles = lexiconFiles;
        _normalizer = normalizer;
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

    /// <summary>The normalizer of the live analyzer, for terms compared with the lexicon.</summary>
    internal TextNormalizer Normalizer => _normalizer ?? throw NotInitialized();

    /// <summary>
    /// Rebuilds the analyzer from the content folder's lexicon as read at start plus <paramref name="learned"/>, and
    /// re-tokenizes the live index with it; returns the new lexicon's size.
    /// </summary>
    internal async Task<int> ApplyLearnedVocabularyAsync(LearnedVocabulary learned, CancellationToken cancellationToken)
    {
        var analyzer = KnowledgeLoader.BuildAnalyzer(_lexiconFiles, learned, Normalizer);
        await Index.ReplaceAnalyzerAsync(analyzer, cancellationToken);
        return analyzer.Lexicon.Count;
    }

    public void Dispose() => _index?.Dispose();

    private static InvalidOperationException NotInitialized() =>
        new("The knowledge base is not initialized; call InitializeAsync at start-up.");
}
