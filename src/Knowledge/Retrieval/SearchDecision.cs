namespace CitizenBot.Knowledge.Retrieval;

/// <summary>What the bot should do with a search result.</summary>
public enum SearchDecision
{
    /// <summary>One clear winner: answer with the top entry.</summary>
    Answer,

    /// <summary>Two or three close candidates: offer them as choices.</summary>
    Clarify,

    /// <summary>Nothing fits well enough: say so and hand over to a person.</summary>
    Abstain,
}
