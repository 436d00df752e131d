using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Tests.Infrastructure;

/// <summary>
/// The repository's seed knowledge base imported once into a real index file, with a retriever on default options;
/// shared by the tests of one class, which only read.
/// </summary>
public sealed class SeedKnowledgeBaseFixture : IAsyncLifetime
{
    private readonly IndexFile _file = new();
    private KnowledgeIndex? _index;
    private Retriever? _retriever;
    private IReadOnlyList<KnowledgeEntry> _entries = [];

    internal KnowledgeIndex Index => _index ?? throw new InvalidOperationException("Not initialized.");

    public Retriever Retriever => _retriever ?? throw new InvalidOperationException("Not initialized.");

    public IReadOnlyList<KnowledgeEntry> Entries => _entries;

    public async Task InitializeAsync()
    {
        var options = new KnowledgeOptions();
        var (analyzer, categories) = await KnowledgeLoader.LoadAnalyzerAsync(RepositoryPaths.KnowledgeBase, options, CancellationToken.None);
        var content = await KnowledgeContentReader.ReadAsync(RepositoryPaths.KnowledgeBase, CancellationToken.None);
        if (!content.IsValid)
        {
            throw new InvalidOperationException($"The seed knowledge base is invalid: {string.Join("; ", content.Errors)}");
        }

        _entries = content.Entries;
        _index = await _file.OpenAsync(analyzer, categories);
        await _index.UpsertManyAsync(content.Entries, CancellationToken.None);
        _retriever = new Retriever(_index, options.Retrieval);
    }

    public Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
