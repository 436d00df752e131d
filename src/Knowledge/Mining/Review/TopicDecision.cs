namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>What an admin did with a mined topic; a decided topic stays out of the review queue for good.</summary>
public enum TopicDecision
{
    /// <summary>A new entry was created from it (its examples as the entry's questions).</summary>
    Accepted,

    /// <summary>Its examples were added as questions of an existing entry.</summary>
    Attached,

    /// <summary>Not worth an entry.</summary>
    Dismissed,
}
