namespace CitizenBot.Bot.Messaging;

/// <summary>
/// One-at-a-time async sections per key: a resident's messages, and the ticket events and expiries that touch their
/// dialogue, are applied in turn, while different residents proceed in parallel. Entries live only while held or
/// awaited, so the table stays as small as the number of residents being served right now. Thread-safe.
/// </summary>
internal sealed class KeyedGate<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _entries = [];

    /// <summary>Waits for the key's turn; dispose the result to give it up.</summary>
    public async ValueTask<Releaser> EnterAsync(TKey key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Leave(TKey key, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    /// <summary>Gives the key's turn to the next waiter.</summary>
    internal readonly struct Releaser(KeyedGate<TKey> gate, TKey key, Entry entry) : IDisposable
    {
        public void Dispose()
        {
            entry.Semaphore.Release();
            gate.Leave(key, entry);
        }
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Holders and waiters; guarded by the gate's table lock.</summary>
        public int Users { get; set; }
    }
}
