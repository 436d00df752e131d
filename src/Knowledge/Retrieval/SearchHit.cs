namespace CitizenBot.Knowledge.Retrieval;

/// <summary>One ranked entry.</summary>
/// <remarks>
/// <c>Score</c> is the re-ranking score in [0, 1]: how well the entry's phrasings cover the message and vice versa.
/// <c>Confidence</c> is the calibrated probability in [0, 1] that this entry is the right answer.
/// </remarks>
public sealed record SearchHit(string EntryId, string Title, string Category, double Score, double Confidence);
