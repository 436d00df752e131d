using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>An entry turned into analyzer terms: one space-separated string per FTS5 column, and the set of them.</summary>
internal sealed record IndexDocument(string Title, string Questions, string Answer, string Tags, string Category, HashSet<string> DistinctTerms)
{
    /// <summary>Separates alternative questions inside the questions column; FTS5's ascii tokenizer skips it.</summary>
    public const string QuestionSeparator = " | ";

    /// <summary>
    /// Answers are indexed without single characters: a character hit in an answer says little and characters are
    /// a third of its terms. Words only (no bigrams) indexed 1.8× faster but cost 2 points of top-1 accuracy on the
    /// dev set (BENCHMARKS.md), so bigrams stay.
    /// </summary>
    private const TermGranularity AnswerGranularity = TermGranularity.NoCharacters;

    /// <summary>Tags and category terms together, as re-ranking reads them.</summary>
    public string TagAndCategoryTerms => Tags.Length == 0 ? Category : Category.Length == 0 ? Tags : Tags + " " + Category;

    public static IndexDocument From(KnowledgeEntry entry, ChineseAnalyzer analyzer, FaqCategoryCatalog categories)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        string Terms(IEnumerable<string> tokens)
        {
            var list = tokens as List<string> ?? [.. tokens];
            distinct.UnionWith(list);
            return string.Join(' ', list);
        }

        return new IndexDocument(
            Terms(analyzer.Tokenize(entry.Title)),
            string.Join(QuestionSeparator, entry.Questions.Select(q => Terms(analyzer.Tokenize(q)))),
            Terms(analyzer.Tokenize(entry.Answer, AnswerGranularity)),
            Terms(entry.Tags.SelectMany(t => analyzer.Tokenize(t))),
            Terms(analyzer.Tokenize(categories.DisplayName(entry.Category))),
            distinct);
    }

}
