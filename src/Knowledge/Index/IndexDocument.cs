using System.Runtime.InteropServices;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>An entry turned into analyzer terms: one space-separated string per FTS5 column, and all of them in order.</summary>
internal sealed record IndexDocument(string Title, string Questions, string Answer, string Tags, string Category, string[] Terms)
{
    /// <summary>Separates alternative questions inside the questions column; FTS5's ascii tokenizer skips it.</summary>
    public const string QuestionSeparator = " | ";

    /// <summary>
    /// Answers are indexed without single characters: a character hit in an answer says little and characters are
    /// a third of its terms. Words only (no bigrams) indexed 1.8× faster but cost 2 points of top-1 accuracy on the
    /// dev set (BENCHMARKS.md), so bigrams stay.
    /// </summary>
    private const TermGranularity AnswerGranularity = TermGranularity.NoCharacters;

    /// <summary>About the number of terms of a typical entry (300 on the synthetic bases).</summary>
    private const int InitialTermCapacity = 512;

    private HashSet<string>? _distinctTerms;

    /// <summary>The distinct terms, built on first use: an import counts document frequencies from
    /// <see cref="Terms"/> chunk by chunk (<see cref="TermStatisticsDelta.AddDocuments"/>) without a set per entry.</summary>
    public HashSet<string> DistinctTerms => _distinctTerms ??= new HashSet<string>(Terms, StringComparer.Ordinal);

    /// <summary>Tags and category terms together, as re-ranking reads them.</summary>
    public string TagAndCategoryTerms => Tags.Length == 0 ? Category : Category.Length == 0 ? Tags : Tags + " " + Category;

    public static IndexDocument From(KnowledgeEntry entry, ChineseAnalyzer analyzer, FaqCategoryCatalog categories)
    {
        // One list collects every term of the entry, column after column, and each column is joined from its own
        // stretch of it. Growing a list per text allocated as much as all the terms themselves.
        var tokens = new List<string>(InitialTermCapacity);
        string Terms(int from) => string.Join(' ', CollectionsMarshal.AsSpan(tokens)[from..]);
        int Tokenize(string text, TermGranularity granularity = TermGranularity.All)
        {
            var from = tokens.Count;
            analyzer.TokenizeNormalized(analyzer.Normalize(text), tokens, granularity);
            return from;
        }

        var title = Terms(Tokenize(entry.Title));
        var questions = new string[entry.Questions.Count];
        for (var i = 0; i < questions.Length; i++)
        {
            questions[i] = Terms(Tokenize(entry.Questions[i]));
        }

        var answer = Terms(Tokenize(entry.Answer, AnswerGranularity));
        var tagsFrom = tokens.Count;
        foreach (var tag in entry.Tags)
        {
            Tokenize(tag);
        }

        var tags = Terms(tagsFrom);
        var category = Terms(Tokenize(categories.DisplayName(entry.Category)));

        return new IndexDocument(title, string.Join(QuestionSeparator, questions), answer, tags, category, tokens.ToArray());
    }

}
