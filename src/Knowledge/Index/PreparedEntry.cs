using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// Everything an upsert needs that does not touch the database — content hash, stored JSON and analyzer terms —
/// so that batches can prepare entries on every core before the single writer takes over.
/// </summary>
internal sealed record PreparedEntry(KnowledgeEntry Entry, string Hash, string Json, IndexDocument? Document)
{
    /// <summary>Parallel preparation pays off only past this many entries.</summary>
    private const int ParallelThreshold = 64;

    public static PreparedEntry Create(KnowledgeEntry entry, ChineseAnalyzer analyzer, FaqCategoryCatalog categories) => new(
        entry,
        entry.ContentHash(),
        EntryJson.Serialize(entry),
        entry.Status == EntryStatus.Published ? IndexDocument.From(entry, analyzer, categories) : null);

    public static PreparedEntry[] CreateMany(
        IReadOnlyCollection<KnowledgeEntry> entries,
        ChineseAnalyzer analyzer,
        FaqCategoryCatalog categories,
        CancellationToken cancellationToken)
    {
        if (entries.Count < ParallelThreshold)
        {
            return [.. entries.Select(e => Create(e, analyzer, categories))];
        }

        return [.. entries.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(e => Create(e, analyzer, categories))];
    }
}
