using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge;

/// <summary>Builds the analyzer and category catalog from a content folder.</summary>
public static class KnowledgeLoader
{
    public static async Task<(ChineseAnalyzer Analyzer, FaqCategoryCatalog Categories)> LoadAnalyzerAsync(
        string contentDirectory,
        KnowledgeOptions options,
        CancellationToken cancellationToken)
    {
        var normalizer = new TextNormalizer(options.MentionNames);
        var lexicon = await LexiconFiles.LoadAsync(contentDirectory, normalizer, cancellationToken);
        var categories = await FaqCategoryCatalog.LoadAsync(contentDirectory, cancellationToken);
        return (new ChineseAnalyzer(lexicon, normalizer), categories);
    }
}
