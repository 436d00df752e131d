using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Benchmarks;

/// <summary>Everything a benchmark needs from the repository: options, the analyzer, categories and the generator.</summary>
internal sealed class BenchmarkData
{
    private BenchmarkData(RepoPaths paths, KnowledgeOptions options, ChineseAnalyzer analyzer, FaqCategoryCatalog categories, SyntheticKnowledgeBase synthetic)
    {
        Paths = paths;
        Options = options;
        Analyzer = analyzer;
        Categories = categories;
        Synthetic = synthetic;
    }

    public RepoPaths Paths { get; }

    public KnowledgeOptions Options { get; }

    public ChineseAnalyzer Analyzer { get; }

    public FaqCategoryCatalog Categories { get; }

    public SyntheticKnowledgeBase Synthetic { get; }

    public static async Task<BenchmarkData> LoadAsync(CancellationToken cancellationToken)
    {
        var paths = RepoPaths.Find();
        var options = new KnowledgeOptions();
        var (analyzer, categories) = await KnowledgeLoader.LoadAnalyzerAsync(paths.KnowledgeBase, options, cancellationToken);
        var synthetic = await SyntheticKnowledgeBase.LoadAsync(paths, categories, cancellationToken);
        return new BenchmarkData(paths, options, analyzer, categories, synthetic);
    }
}
