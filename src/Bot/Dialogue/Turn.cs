using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Understanding;

namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// One message being handled: what it says, the resident's dialogue in this conversation (and, once opened, in their
/// private thread), and what the bot says back. The flows read and replace <see cref="State"/>; the engine stores
/// every state the turn touched when the message is done.
/// </summary>
internal sealed class Turn(InboundMessage message, string text, bool addressed, MessageReading reading, DialogueState state, DateTimeOffset now)
{
    private readonly List<BotReply> _replies = [];
    private readonly Dictionary<DialogueKey, DialogueState> _others = [];

    public InboundMessage Message { get; } = message;

    /// <summary>The message without the bot's @mention, trimmed.</summary>
    public string Text { get; } = text;

    /// <summary>True when the message is for the bot: a private message, or one that @-mentions it.</summary>
    public bool Addressed { get; } = addressed;

    public MessageReading Reading { get; } = reading;

    /// <summary>The resident's dialogue in <see cref="Message"/>'s conversation, as it will be stored.</summary>
    public DialogueState State { get; set; } = state;

    public DateTimeOffset Now { get; } = now;

    public bool InGroup => Message.ConversationType == ConversationType.Group;

    public string ResidentId => ResidentIds.Of(Message.Channel, Message.SenderId);

    /// <summary>The resident's private thread with the bot.</summary>
    public DialogueKey PrivateKey => new(Message.Channel, PrivateThreads.IdOf(Message.SenderId), Message.SenderId);

    public IReadOnlyList<BotReply> Replies => _replies;

    /// <summary>Every dialogue state this turn changed: this conversation's, then any other (the private thread).</summary>
    public IReadOnlyList<DialogueState> ChangedStates => [State, .. _others.Values];

    /// <summary>Says <paramref name="text"/> in this conversation, @-mentioning the resident in a group.</summary>
    public void Say(string text, IReadOnlyList<ReplyChoice>? choices = null, string? entryId = null, string? ticketNumber = null) =>
        _replies.Add(new BotReply(
            Message.ConversationId,
            Message.ConversationType,
            text,
            InGroup ? [Message.SenderId] : [],
            choices ?? [],
            entryId,
            ticketNumber));

    /// <summary>Says something in the group that @-mentions others as well (a grid worker called in).</summary>
    public void SayMentioning(string text, IReadOnlyList<string> mentions, string? ticketNumber = null) =>
        _replies.Add(new BotReply(Message.ConversationId, Message.ConversationType, text, mentions, [], null, ticketNumber));

    /// <summary>Says <paramref name="text"/> in the resident's private thread (here, when this is it).</summary>
    public void SayPrivately(string text, IReadOnlyList<ReplyChoice>? choices = null, string? ticketNumber = null)
    {
        if (!InGroup)
        {
            Say(text, choices, null, ticketNumber);
            return;
        }

        _replies.Add(new BotReply(PrivateKey.ConversationId, ConversationType.Private, text, [], choices ?? [], null, ticketNumber));
    }

    /// <summary>Says something in another conversation of this channel (the group a private thread came from).</summary>
    public void SayIn(string conversationId, ConversationType type, string text, IReadOnlyList<string> mentions, string? ticketNumber = null) =>
        _replies.Add(new BotReply(conversationId, type, text, mentions, [], null, ticketNumber));

    /// <summary>Replaces the stored state of another dialogue of this resident (their private thread).</summary>
    public void Put(DialogueState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Key == State.Key)
        {
            State = other;
            return;
        }

        _others[other.Key] = other;
    }
}
