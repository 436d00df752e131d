using System.Threading.Channels;

namespace CitizenBot.Bot.Conversations;

/// <summary>
/// The live stream of every conversation the service takes part in: residents', workers' and the bot's messages, in
/// the order they were said, for the web chat and API clients listening on
/// <c>GET /api/chat/conversations/{id}/events</c>. Each conversation keeps its last <see cref="BacklogSize"/> messages so a
/// page that opens (or reopens) sees the recent talk. Memory is bounded: at most <see cref="MaxConversations"/> are
/// kept, the least recently active dropped first, and a subscriber that falls behind loses its oldest messages.
/// Stored records (tickets, dialogue state) stay the truth; this is only the view. Thread-safe.
/// </summary>
internal sealed class ConversationFeed(TimeProvider timeProvider)
{
    public const int BacklogSize = 50;
    public const int MaxConversations = 10_000;
    public const int SubscriberCapacity = 256;

    private readonly Dictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private long _lastId;

    /// <summary>True when the feed has seen a message in <paramref name="conversationId"/> (since the process started).</summary>
    public bool Knows(string conversationId)
    {
        lock (_conversations)
        {
            return _conversations.ContainsKey(conversationId);
        }
    }

    /// <summary>Adds a message to its conversation and hands it to the conversation's listeners; returns it with its id.</summary>
    public ChatEvent Publish(ChatEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_conversations)
        {
            var stamped = message with { Id = ++_lastId };
            var conversation = GetOrAdd_NeedsLock(stamped.ConversationId);
            conversation.LastActive = stamped.At;
            conversation.Backlog.Enqueue(stamped);
            if (conversation.Backlog.Count > BacklogSize)
            {
                conversation.Backlog.Dequeue();
            }

            foreach (var listener in conversation.Listeners)
            {
                listener.Writer.TryWrite(stamped);
            }

            return stamped;
        }
    }

    /// <summary>
    /// The conversation's recent messages, then its new ones as they are said, until <paramref name="cancellationToken"/>
    /// is cancelled. Nothing said between the backlog and the live messages is missed.
    /// </summary>
    public async IAsyncEnumerable<ChatEvent> SubscribeAsync(string conversationId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listener = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        ChatEvent[] backlog;
        Conversation conversation;
        lock (_conversations)
        {
            conversation = GetOrAdd_NeedsLock(conversationId);
            backlog = [.. conversation.Backlog];
            conversation.Listeners.Add(listener);
        }

        try
        {
            foreach (var message in backlog)
            {
                yield return message;
            }

            await foreach (var message in listener.Reader.ReadAllAsync(cancellationToken))
            {
                yield return message;
            }
        }
        finally
        {
            lock (_conversations)
            {
                conversation.Listeners.Remove(listener);
            }
        }
    }

    private Conversation GetOrAdd_NeedsLock(string conversationId)
    {
        if (_conversations.TryGetValue(conversationId, out var conversation))
        {
            return conversation;
        }

        if (_conversations.Count >= MaxConversations)
        {
            EvictQuietest_NeedsLock();
        }

        conversation = new Conversation { LastActive = timeProvider.GetUtcNow() };
        _conversations.Add(conversationId, conversation);
        return conversation;
    }

    // A linear scan, but only when the table is full: at most once per new conversation beyond the cap.
    private void EvictQuietest_NeedsLock()
    {
        string? quietest = null;
        var oldest = DateTimeOffset.MaxValue;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.Listeners.Count == 0 && conversation.LastActive < oldest)
            {
                (quietest, oldest) = (id, conversation.LastActive);
            }
        }

        if (quietest is not null)
        {
            _conversations.Remove(quietest);
        }
    }

    private sealed class Conversation
    {
        public Queue<ChatEvent> Backlog { get; } = new();

        public List<Channel<ChatEvent>> Listeners { get; } = [];

        public DateTimeOffset LastActive { get; set; }
    }
}
