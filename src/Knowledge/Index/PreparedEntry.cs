using System.Runtime.CompilerServices;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// Everything an upsert needs that does not touch the database — content hash, stored JSON and analyzer terms —
/// so that entries can be prepared on another core while the single writer inserts.
/// </summary>
internal sealed record PreparedEntry(KnowledgeEntry Entry, string Hash, string Json, IndexDocument? Document)
{
    /// <summary>Entries prepared ahead of the writer at a time: bounds memory whatever the batch size.</summary>
    private const int ChunkSize = 256;

    public static PreparedEntry Create(KnowledgeEntry entry, ChineseAnalyzer analyzer, FaqCategoryCatalog categories) => new(
        entry,
        entry.ContentHash(),
        EntryJson.Serialize(entry),
        entry.Status == EntryStatus.Published ? IndexDocument.From(entry, analyzer, categories) : null);

    /// <summary>
    /// Prepares <paramref name="entries"/> in chunks, one chunk ahead of the consumer on another thread: while the
    /// single writer inserts one chunk, the next is being analyzed, so a batch uses two cores and holds two chunks.
    /// </summary>
    public static async IAsyncEnumerable<PreparedEntry[]> StreamAsync(
        IEnumerable<KnowledgeEntry> entries,
        ChineseAnalyzer analyzer,
        FaqCategoryCatalog categories,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Task<PreparedEntry[]>? ahead = null;
        foreach (var chunk in entries.Chunk(ChunkSize))
        {
            var next = Task.Run(() => Array.ConvertAll(chunk, e => Create(e, analyzer, categories)), cancellationToken);
            if (ahead is not null)
            {
                yield return await ahead;
            }

            ahead = next;
        }

        if (ahead is not null)
        {
            yield return await ahead;
        }
    }
}
