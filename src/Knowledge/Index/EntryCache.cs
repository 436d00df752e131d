using System.Collections.Concurrent;
using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// Entries read lately, so that answering a question asked before costs no row read and no JSON parse (together
/// ~6 % of the chat endpoint's CPU). Every committed write moves the <see cref="Generation"/> on, which retires
/// everything cached before it; an entry is stored with the generation read <em>before</em> its row was, so a read
/// that raced a write can never outlive it. Bounded: emptied when it holds <see cref="Capacity"/> entries.
/// </summary>
internal sealed class EntryCache
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Cached> _entries = new(StringComparer.Ordinal);
    private int _generation;

    /// <summary>Read it before reading the row to be cached, and pass it to <see cref="Set"/>.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public bool TryGet(string id, out KnowledgeEntry entry)
    {
        if (_entries.TryGetValue(id, out var cached) && cached.Generation == Generation)
        {
            entry = cached.Entry;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>Caches <paramref name="entry"/>, read after <paramref name="generation"/> was.</summary>
    public void Set(KnowledgeEntry entry, int generation)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[entry.Id] = new Cached(generation, entry);
    }

    /// <summary>A write was committed: nothing cached so far may be served again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Cached(int Generation, KnowledgeEntry Entry);
}
