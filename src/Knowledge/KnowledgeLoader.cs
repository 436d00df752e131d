using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Mining.Review;

namespace CitizenBot.Knowledge;

/// <summary>Builds the analyzer and category catalog from a content folder (and the vocabulary learned in review).</summary>
public static class KnowledgeLoader
{
    /// <summary>The analyzer of the content folder's lexicon and synonyms alone, and its categories.</summary>
    public static Task<(ChineseAnalyzer Analyzer, FaqCategoryCatalog Categories)> LoadAnalyzerAsync(
        string contentDirectory,
        KnowledgeOptions options,
        CancellationToken cancellationToken) =>
        LoadAnalyzerAsync(contentDirectory, options, LearnedVocabulary.Empty, cancellationToken);

    /// <summary>
    /// The analyzer of the content folder's lexicon and synonyms with <paramref name="learned"/> merged in (as
    /// <see cref="LexiconSource.With"/> does), and the folder's categories.
    /// </summary>
    public static async Task<(ChineseAnalyzer Analyzer, FaqCategoryCatalog Categories)> LoadAnalyzerAsync(
        string contentDirectory,
        KnowledgeOptions options,
        LearnedVocabulary learned,
        CancellationToken cancellationToken)
    {
        var (lexicon, normalizer, categories) = await LoadSourcesAsync(contentDirectory, options, cancellationToken);
        return (BuildAnalyzer(lexicon, learned, normalizer), categories);
    }

    /// <summary>The content folder's lexicon files (unbuilt), the normalizer and the categories.</summary>
    internal static async Task<(LexiconSource Lexicon, TextNormalizer Normalizer, FaqCategoryCatalog Categories)> LoadSourcesAsync(
        string contentDirectory,
        KnowledgeOptions options,
        CancellationToken cancellationToken)
    {
        var normalizer = new TextNormalizer(options.MentionNames);
        var lexicon = await LexiconFiles.ReadAsync(contentDirectory, normalizer, cancellationToken);
        var categories = await FaqCategoryCatalog.LoadAsync(contentDirectory, cancellationToken);
        return (lexicon, normalizer, categories);
    }

    internal static ChineseAnalyzer BuildAnalyzer(LexiconSource files, LearnedVocabulary learned, TextNormalizer normalizer) =>
        new(files.With(learned.Words, learned.SynonymPairs).ToLexicon(), normalizer);
}
