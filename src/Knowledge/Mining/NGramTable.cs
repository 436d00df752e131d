using System.Diagnostics;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Counts of Han n-grams of up to 4 characters, keyed by the characters packed 16 bits each (first character
/// highest; Han characters are never 0, so the number of non-zero 16-bit groups is the length and 0 marks an empty
/// slot). Open addressing with linear probing: one cache miss per increment, where a <c>Dictionary</c> takes two.
/// Whenever it holds more than <c>maxEntries</c>, the rarest n-grams are dropped until at most half remain (lossy
/// counting), which bounds memory whatever the input size.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class NGramTable(int maxEntries)
{
    private const int InitialSlots = 1 << 12;

    private ulong[] _keys = new ulong[InitialSlots];
    private int[] _counts = new int[InitialSlots];
    private int _shift = 64 - 12;
    private int _count;

    /// <summary>N-grams seen at most this often may have been dropped (0: counts are exact).</summary>
    public int PruneFloor { get; private set; }

    public int Count => _count;

    public void Increment(ulong key) => Increment(key, 1);

    /// <summary>Adds <paramref name="by"/> to the key's count (a distinct text counted once for all its copies).</summary>
    public void Increment(ulong key, int by)
    {
        Debug.Assert(key != 0, "0 marks an empty slot");
        var mask = _keys.Length - 1;
        var i = Slot(key);
        while (true)
        {
            var k = _keys[i];
            if (k == key)
            {
                _counts[i] += by;
                return;
            }

            if (k == 0)
            {
                _keys[i] = key;
                _counts[i] = by;
                if (++_count > _keys.Length / 2)
                {
                    Grow();
                }

                return;
            }

            i = (i + 1) & mask;
        }
    }

    public int Get(ulong key)
    {
        var mask = _keys.Length - 1;
        var i = Slot(key);
        while (true)
        {
            var k = _keys[i];
            if (k == key)
            {
                return _counts[i];
            }

            if (k == 0)
            {
                return 0;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Every (key, count) with a count of at least <paramref name="minCount"/>.</summary>
    public IEnumerable<(ulong Key, int Count)> Entries(int minCount = 1)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0 && _counts[i] >= minCount)
            {
                yield return (_keys[i], _counts[i]);
            }
        }
    }

    // Fibonacci hashing: the multiply spreads the packed characters, the top bits index the table.
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        if (_count > maxEntries)
        {
            while (_count > maxEntries / 2)
            {
                PruneFloor++;
                _count = 0;
                foreach (var c in _counts)
                {
                    if (c > PruneFloor)
                    {
                        _count++;
                    }
                }
            }

            Rehash(_keys.Length, PruneFloor);
            return;
        }

        Rehash(_keys.Length * 2, PruneFloor);
    }

    private void Rehash(int slots, int floor)
    {
        var (keys, counts) = (_keys, _counts);
        _keys = new ulong[slots];
        _counts = new int[slots];
        _shift = 64 - int.Log2(slots);
        _count = 0;
        var mask = slots - 1;
        for (var j = 0; j < keys.Length; j++)
        {
            if (keys[j] == 0 || counts[j] <= floor)
            {
                continue;
            }

            var i = Slot(keys[j]);
            while (_keys[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _keys[i] = keys[j];
            _counts[i] = counts[j];
            _count++;
        }
    }
}
