using System.Runtime.CompilerServices;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// Everything an upsert needs that does not touch the database — content hash, stored JSON, analyzer terms and the
/// UTF-8 of every value the writer binds — so that entries can be prepared on another core while the single
/// writer inserts.
/// </summary>
internal sealed record PreparedEntry(KnowledgeEntry Entry, string Hash, string Json, IndexDocument? Document, Utf8Row Row)
{
    /// <summary>Entries prepared ahead of the writer at a time: bounds memory whatever the batch size.</summary>
    private const int ChunkSize = 256;

    // Positions of the values in Row.
    public const int IdValue = 0;
    public const int StatusValue = 1;
    public const int CategoryValue = 2;
    public const int TitleValue = 3;
    public const int JsonValue = 4;
    public const int HashValue = 5;
    public const int TitleTermsValue = 6;
    public const int QuestionTermsValue = 7;
    public const int TagAndCategoryTermsValue = 8;
    public const int AnswerTermsValue = 9;
    public const int TagTermsValue = 10;
    public const int CategoryTermsValue = 11;

    public static PreparedEntry Create(KnowledgeEntry entry, ChineseAnalyzer analyzer, FaqCategoryCatalog categories)
    {
        var hash = entry.ContentHash();
        var json = EntryJson.Serialize(entry);
        var document = entry.Status == EntryStatus.Published ? IndexDocument.From(entry, analyzer, categories) : null;
        var row = Utf8Row.Encode(
            entry.Id,
            entry.Status.ToString(),
            entry.Category,
            entry.Title,
            json,
            hash,
            document?.Title ?? string.Empty,
            document?.Questions ?? string.Empty,
            document?.TagAndCategoryTerms ?? string.Empty,
            document?.Answer ?? string.Empty,
            document?.Tags ?? string.Empty,
            document?.Category ?? string.Empty);
        return new PreparedEntry(entry, hash, json, document, row);
    }

    /// <summary>
    /// Prepares <paramref name="entries"/> in chunks on other threads, as many chunks ahead of the consumer as there
    /// are cores: analysis costs more CPU an entry than the single writer's inserts, so with one chunk ahead the
    /// writer waited for it and its core idled; with more, the analysis of the next chunks fills that idle time.
    /// Memory stays bounded: at most that many chunks are held besides the one being written.
    /// </summary>
    /// <param name="entries">The entries, in the order they are yielded.</param>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="categories">Category display names (indexed as terms).</param>
    /// <param name="countTermsInto">
    /// When given, the terms of every published entry are counted into it as a new document, on the preparing
    /// threads; the consumer takes back those of entries it then does not write.
    /// </param>
    /// <param name="cancellationToken">Stops preparing.</param>
    public static async IAsyncEnumerable<PreparedEntry[]> StreamAsync(
        IEnumerable<KnowledgeEntry> entries,
        ChineseAnalyzer analyzer,
        FaqCategoryCatalog categories,
        TermStatisticsDelta? countTermsInto,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var aheadLimit = Math.Max(1, Environment.ProcessorCount);
        var ahead = new Queue<Task<PreparedEntry[]>>();
        var firstNumber = 0;
        foreach (var chunk in entries.Chunk(ChunkSize))
        {
            var number = firstNumber;
            ahead.Enqueue(Task.Run(() => Prepare(chunk, analyzer, categories, countTermsInto, number), cancellationToken));
            firstNumber += chunk.Length;
            if (ahead.Count > aheadLimit)
            {
                yield return await ahead.Dequeue();
            }
        }

        while (ahead.Count > 0)
        {
            yield return await ahead.Dequeue();
        }
    }

    private static PreparedEntry[] Prepare(
        KnowledgeEntry[] chunk, ChineseAnalyzer analyzer, FaqCategoryCatalog categories, TermStatisticsDelta? countTermsInto, int firstNumber)
    {
        var prepared = Array.ConvertAll(chunk, e => Create(e, analyzer, categories));
        countTermsInto?.AddDocuments([.. prepared.Where(p => p.Document is not null).Select(p => p.Document!.Terms)], firstNumber);
        return prepared;
    }
}
