using System.Numerics;
using System.Runtime.InteropServices;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Counts of Han n-grams keyed by their characters packed 16 bits each (first character highest), so counting
/// allocates nothing per n-gram. Each counter is cut back to half of <c>capacity</c> whenever it grows past it by
/// dropping the rarest n-grams (lossy counting), which bounds memory whatever the input size.
/// </summary>
/// <typeparam name="TKey"><see cref="ulong"/> for up to 4 characters, <see cref="UInt128"/> for 5.</typeparam>
internal sealed class NGramCounts<TKey>(int capacity)
    where TKey : struct, IBinaryInteger<TKey>
{
    private readonly Dictionary<TKey, int> _counts = [];

    /// <summary>N-grams seen at most this often may have been dropped (0: counts are exact).</summary>
    public int PruneFloor { get; private set; }

    public int Count => _counts.Count;

    public IEnumerable<KeyValuePair<TKey, int>> Entries => _counts;

    public void Increment(TKey key)
    {
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _)++;
        if (_counts.Count > capacity)
        {
            Prune();
        }
    }

    public int Get(TKey key) => _counts.GetValueOrDefault(key);

    private void Prune()
    {
        while (_counts.Count > capacity / 2)
        {
            PruneFloor++;
            foreach (var (key, count) in _counts)
            {
                if (count <= PruneFloor)
                {
                    _counts.Remove(key);
                }
            }
        }
    }
}
