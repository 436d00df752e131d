using System.Collections.Concurrent;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// Document frequencies of every indexed term, kept in memory so re-ranking can weigh terms by IDF without a
/// query per term. Loaded from FTS5's vocabulary table at start and kept current by the index's single writer.
/// </summary>
/// <remarks>Reads are lock-free and may run during a write; a search then sees counts off by one entry at most.</remarks>
internal sealed class TermStatistics
{
    private readonly ConcurrentDictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _documentCount;
    private int _version;

    public TermStatistics() => _lookup = _documentFrequency.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Number of searchable entries.</summary>
    public int DocumentCount => Volatile.Read(ref _documentCount);

    /// <summary>
    /// Changes after every write has been applied: weights computed from the statistics under one version hold until
    /// it changes (read it before computing them).
    /// </summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Number of distinct terms.</summary>
    public int TermCount => _documentFrequency.Count;

    public int DocumentFrequency(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out var df) ? df : 0;

    /// <summary>BM25-style inverse document frequency, always positive; unseen terms get the largest value.</summary>
    public double InverseDocumentFrequency(ReadOnlySpan<char> term)
    {
        var n = DocumentCount;
        var df = DocumentFrequency(term);
        return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
    }

    internal void Reset(IEnumerable<KeyValuePair<string, int>> frequencies, int documentCount)
    {
        _documentFrequency.Clear();
        foreach (var (term, df) in frequencies)
        {
            _documentFrequency[term] = df;
        }

        Volatile.Write(ref _documentCount, documentCount);
        Interlocked.Increment(ref _version);
    }

    /// <summary>Applies the changes of a committed write.</summary>
    internal void Apply(TermStatisticsDelta delta)
    {
        foreach (var (term, change) in delta.Changes)
        {
            if (change == 0)
            {
                continue;
            }

            var df = _documentFrequency.AddOrUpdate(term, Math.Max(change, 0), (_, old) => old + change);
            if (df <= 0)
            {
                _documentFrequency.TryRemove(term, out _);
            }
        }

        Interlocked.Add(ref _documentCount, delta.Documents);
        Interlocked.Increment(ref _version);
    }
}
