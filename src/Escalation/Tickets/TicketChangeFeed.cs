using System.Threading.Channels;

namespace CitizenBot.Escalation.Tickets;

/// <summary>
/// In-process announcements of stored ticket changes, from the desk and the sweeper, for whoever must react at once:
/// the workers' console pushes them to open pages, notifications tell new holders. Publishing never blocks the
/// writer: each subscriber has a bounded buffer and a subscriber that falls behind loses its oldest announcements
/// (pages then reload from the store, which stays the truth). Thread-safe.
/// </summary>
internal sealed class TicketChangeFeed
{
    public const int SubscriberCapacity = 1024;

    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    /// <summary>Announces a change that has been committed to the store.</summary>
    public void Publish(TicketChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var subscriber in _subscribers.Items)
        {
            subscriber.Writer.TryWrite(change);
        }
    }

    /// <summary>Starts receiving changes until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<TicketChange> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<TicketChange>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers = _subscribers.With(channel);
        }

        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers = _subscribers.Without(channel);
            }
        }
    }

    /// <summary>Copy-on-write list, so <see cref="Publish"/> reads it without a lock.</summary>
    private sealed record ImmutableSubscribers(Channel<TicketChange>[] Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);

        public ImmutableSubscribers With(Channel<TicketChange> channel) => new([.. Items, channel]);

        public ImmutableSubscribers Without(Channel<TicketChange> channel) => new([.. Items.Where(c => c != channel)]);
    }
}
