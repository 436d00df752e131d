using System.Collections.Concurrent;

namespace CitizenBot.Bot.Messaging;

/// <summary>
/// Messages waiting per recipient, at most <paramref name="capacityPerKey"/> each (the oldest is dropped first):
/// the shared shape of the outboxes that hold notices until a channel delivers them. Thread-safe.
/// </summary>
internal sealed class KeyedMailbox<T>(int capacityPerKey)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<T>> _queues = new(StringComparer.Ordinal);

    public int CapacityPerKey { get; } = capacityPerKey > 0 ? capacityPerKey : throw new ArgumentOutOfRangeException(nameof(capacityPerKey));

    public void Add(string key, T item)
    {
        var queue = _queues.GetOrAdd(key, _ => new ConcurrentQueue<T>());
        queue.Enqueue(item);
        while (queue.Count > CapacityPerKey && queue.TryDequeue(out _))
        {
        }
    }

    /// <summary>Removes and returns everything waiting for <paramref name="key"/>, oldest first.</summary>
    public IReadOnlyList<T> TakeAll(string key) => _queues.TryRemove(key, out var queue) ? [.. queue] : [];

    /// <summary>What is waiting for <paramref name="key"/>, newest first, leaving it there.</summary>
    public IReadOnlyList<T> PeekNewestFirst(string key) => _queues.TryGetValue(key, out var queue) ? [.. queue.Reverse()] : [];
}
