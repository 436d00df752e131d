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
    /// Prepares <paramref name="entries"/> in chunks on other threads, as many chunks ahead of the consumer as there
    /// are cores: analysis costs more CPU an entry than the single writer's inserts, so with one chunk ahead the
    /// writer waited for it and its core idled; with more, the analysis of the next chunks fills that idle time.
    /// Memory stays bounded: at most that many chunks are held besides the one being written.
    /// </summary>
    public static async IAsyncEnumerable<PreparedEntry[]> StreamAsync(
        IEnumerable<KnowledgeEntry> entries,
        ChineseAnalyzer analyzer,
        FaqCategoryCatalog categories,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var aheadLimit = Math.Max(1, Environment.ProcessorCount);
        var ahead = new Queue<Task<PreparedEntry[]>>();
        foreach (var chunk in entries.Chunk(ChunkSize))
        {
            ahead.Enqueue(Task.Run(() => Array.ConvertAll(chunk, e => Create(e, analyzer, categories)), cancellationToken));
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
}
