using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>An entry turned into analyzer terms, one space-separated string per FTS5 column.</summary>
internal sealed record IndexDocument(string Title, string Questions, string Answer, string Tags, string Category)
{
    /// <summary>Separates alternative questions inside the questions column; FTS5's ascii tokenizer skips it.</summary>
    public const string QuestionSeparator = " | ";

    public static IndexDocument From(KnowledgeEntry entry, ChineseAnalyzer analyzer, FaqCategoryCatalog categories) => new(
        Join(analyzer.Tokenize(entry.Title)),
        string.Join(QuestionSeparator, entry.Questions.Select(q => Join(analyzer.Tokenize(q)))),
        Join(analyzer.Tokenize(entry.Answer)),
        Join(entry.Tags.SelectMany(analyzer.Tokenize)),
        Join(analyzer.Tokenize(categories.DisplayName(entry.Category))));

    /// <summary>Every distinct term of the document, for document-frequency bookkeeping.</summary>
    public HashSet<string> DistinctTerms()
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in (ReadOnlySpan<string>)[Title, Questions, Answer, Tags, Category])
        {
            foreach (var term in column.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (term != "|")
                {
                    terms.Add(term);
                }
            }
        }

        return terms;
    }

    private static string Join(IEnumerable<string> terms) => string.Join(' ', terms);
}
