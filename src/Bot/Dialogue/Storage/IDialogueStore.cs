namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// Dialogue state, handled message ids and resident contacts, durable across restarts. The seam for a Redis store in
/// the distributed mode; SQLite (<c>dialogue.db</c>) today. Callers serialize work per <see cref="DialogueKey"/>; the
/// store itself is thread-safe.
/// </summary>
internal interface IDialogueStore
{
    /// <summary>The stored state of one dialogue, or null when it has none (or it was cleared).</summary>
    Task<DialogueState?> GetAsync(DialogueKey key, CancellationToken cancellationToken);

    /// <summary>True when the message <paramref name="messageId"/> of <paramref name="channel"/> was committed before.</summary>
    Task<bool> WasHandledAsync(string channel, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Records the message as handled and saves the states and contact it changed, in one transaction: after a crash
    /// either all of it is there or none. An <see cref="DialogueMode.Idle"/> state with nothing pending may be stored
    /// or deleted, as the store prefers. Returns false, saving nothing, when the message id was already recorded.
    /// </summary>
    Task<bool> CommitAsync(string channel, string messageId, IReadOnlyList<DialogueState> states, ResidentContact? contact, CancellationToken cancellationToken);

    /// <summary>Saves states changed by something other than a message (a ticket event, an expiry).</summary>
    Task SaveAsync(IReadOnlyList<DialogueState> states, CancellationToken cancellationToken);

    /// <summary>Dialogues whose <see cref="DialogueState.ExpiresAt"/> is at or before <paramref name="now"/>, soonest first.</summary>
    Task<IReadOnlyList<DialogueState>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Dialogues whose <see cref="DialogueState.TicketNumber"/> is <paramref name="ticketNumber"/>.</summary>
    Task<IReadOnlyList<DialogueState>> FindByTicketAsync(string ticketNumber, CancellationToken cancellationToken);

    /// <summary>Dialogues of <paramref name="conversationId"/> on <paramref name="channel"/> in <paramref name="mode"/>, oldest update first.</summary>
    Task<IReadOnlyList<DialogueState>> ListInConversationAsync(string channel, string conversationId, DialogueMode mode, CancellationToken cancellationToken);

    /// <summary>A resident's contact, or null when they never wrote.</summary>
    Task<ResidentContact?> GetContactAsync(string residentId, CancellationToken cancellationToken);

    /// <summary>Forgets handled message ids recorded before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneHandledMessagesAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
