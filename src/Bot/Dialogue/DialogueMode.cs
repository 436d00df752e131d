namespace CitizenBot.Bot.Dialogue;

/// <summary>Where a resident's dialogue stands; what their next message is read as depends on it.</summary>
internal enum DialogueMode
{
    /// <summary>Nothing pending: the next message is a new question, report or request.</summary>
    Idle,

    /// <summary>The bot offered 2–3 entries as numbered choices and waits for a number or the words of one.</summary>
    Clarifying,

    /// <summary>A complaint form is being filled; <see cref="DialogueState.Draft"/> holds what is known.</summary>
    Form,

    /// <summary>A handoff ticket was filed and no person has taken it yet; the bot still answers meanwhile.</summary>
    AwaitingHuman,

    /// <summary>A person took the conversation: in a group the bot stays silent on it, in private it relays.</summary>
    WithHuman,

    /// <summary>A ticket of this resident was resolved and the bot asked for a rating.</summary>
    AwaitingRating,
}
