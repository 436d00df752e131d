using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// A run of prepared entries and the document frequencies they add when all of them are written, counted by the
/// thread that prepared them.
/// </summary>
/// <remarks>
/// Counting every term of every entry was about a tenth of the single writer's time in an import; merging one
/// chunk's counts costs a lookup per distinct term of the chunk, a fraction of that.
/// </remarks>
internal sealed record PreparedChunk(PreparedEntry[] Entries, TermStatisticsDelta Added)
{
    public static PreparedChunk Create(KnowledgeEntry[] entries, ChineseAnalyzer analyzer, FaqCategoryCatalog categories)
    {
        var prepared = Array.ConvertAll(entries, e => PreparedEntry.Create(e, analyzer, categories));
        var added = new TermStatisticsDelta();
        foreach (var entry in prepared)
        {
            if (entry.Document is { } document)
            {
                added.AddDocument(document.DistinctTerms);
            }
        }

        return new PreparedChunk(prepared, added);
    }
}
