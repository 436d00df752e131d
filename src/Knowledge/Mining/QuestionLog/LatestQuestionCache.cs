namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// Each resident key's latest question (latest by asked time, then id: the order the marking statements use), so that
/// recording a question or marking a pick or handoff need not look it up in SQLite first. An entry is only ever the
/// resident's true latest row; a resident not held (never seen since start, or evicted) is looked up in SQLite as
/// before, so the cache changes the cost, never the rows marked.
/// </summary>
/// <remarks>
/// Bounded, least recently written evicted first: residents come back within minutes (the follow-up window) or not for
/// days, so the recently active ones are what is worth holding, and an unbounded map would grow with every resident
/// the bot ever met. 50,000 entries (about 250 bytes each with the key and a short text: ~12 MiB) cover a district's
/// busiest hour many times over. Used by the log's single writer only: not thread-safe.
/// </remarks>
internal sealed class LatestQuestionCache(int capacity)
{
    /// <summary>Residents held by default.</summary>
    public const int DefaultCapacity = 50_000;

    private readonly Dictionary<string, LinkedListNode<(string Key, LatestQuestion Latest)>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, LatestQuestion Latest)> _byWrite = new();

    public int Count => _byKey.Count;

    public bool TryGet(string residentKey, out LatestQuestion latest)
    {
        if (_byKey.TryGetValue(residentKey, out var node))
        {
            latest = node.Value.Latest;
            return true;
        }

        latest = default;
        return false;
    }

    /// <summary>Holds <paramref name="latest"/> as <paramref name="residentKey"/>'s latest question, evicting the least recently written when full.</summary>
    public void Set(string residentKey, LatestQuestion latest)
    {
        if (_byKey.TryGetValue(residentKey, out var node))
        {
            node.Value = (residentKey, latest);
            _byWrite.Remove(node);
            _byWrite.AddLast(node);
            return;
        }

        if (capacity <= 0)
        {
            return;
        }

        if (_byKey.Count >= capacity)
        {
            _byKey.Remove(_byWrite.First!.Value.Key);
            _byWrite.RemoveFirst();
        }

        _byKey.Add(residentKey, _byWrite.AddLast((residentKey, latest)));
    }

    public void Remove(string residentKey)
    {
        if (_byKey.Remove(residentKey, out var node))
        {
            _byWrite.Remove(node);
        }
    }

    /// <summary>Forgets the residents whose latest question was asked before <paramref name="at"/> (pruned from the log).</summary>
    public void RemoveAskedBefore(long at)
    {
        for (var node = _byWrite.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Latest.At < at)
            {
                _byKey.Remove(node.Value.Key);
                _byWrite.Remove(node);
            }

            node = next;
        }
    }
}
