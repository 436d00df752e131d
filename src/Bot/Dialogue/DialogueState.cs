namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// One resident's dialogue in one conversation, as stored between messages so it survives a restart. Immutable:
/// the engine derives the next state with <c>with</c> and stores it once the message is handled.
/// </summary>
internal sealed record DialogueState
{
    public required DialogueKey Key { get; init; }

    public DialogueMode Mode { get; init; }

    /// <summary>True when the conversation is a group chat (the bot then @-mentions the resident it speaks to).</summary>
    public bool InGroup { get; init; }

    /// <summary>The resident's display name, for mentions and worker summaries.</summary>
    public string SenderName { get; init; } = string.Empty;

    /// <summary>The grid this conversation belongs to (a group's grid, carried into the private thread it opened).</summary>
    public string? GridNodeId { get; init; }

    /// <summary>The entry ids offered as numbered choices, in order, while <see cref="DialogueMode.Clarifying"/>.</summary>
    public IReadOnlyList<string> ChoiceEntryIds { get; init; } = [];

    /// <summary>The complaint being filled in, while <see cref="DialogueMode.Form"/>.</summary>
    public ComplaintDraft? Draft { get; init; }

    /// <summary>Questions in a row the bot could not answer; at two it offers a person unprompted.</summary>
    public int AbstainStreak { get; init; }

    /// <summary>The resident's last question the bot could not answer: the summary a grid worker gets on a handoff.</summary>
    public string? LastQuestion { get; init; }

    /// <summary>The handoff ticket (awaiting or with a human) or the ticket awaiting a rating.</summary>
    public string? TicketNumber { get; init; }

    /// <summary>For a private thread the bot opened from a group: that group's conversation id.</summary>
    public string? OriginConversationId { get; init; }

    /// <summary>When the resident last wrote (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When a half-finished step (choices, form, rating) lapses with a polite note; null when nothing is pending.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>This dialogue with nothing pending: no form, choices, ticket or expiry; the grid and streak stay.</summary>
    public DialogueState Cleared() =>
        this with { Mode = DialogueMode.Idle, Draft = null, ChoiceEntryIds = [], TicketNumber = null, ExpiresAt = null, OriginConversationId = null };

    public static DialogueState Start(DialogueKey key, string senderName, DateTimeOffset at) =>
        new() { Key = key, SenderName = senderName, UpdatedAt = at };
}
