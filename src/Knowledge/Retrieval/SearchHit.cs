namespace CitizenBot.Knowledge.Retrieval;

/// <summary>One ranked entry.</summary>
/// <remarks>
/// <c>Score</c> is the re-ranking score in [0, 1]: how well the entry's phrasings cover the message and vice versa.
/// <c>Confidence</c> is the calibrated probability in [0, 1] that this entry is the right answer. <c>Evidence</c> is
/// the summed IDF weight of the message's terms found in the entry's phrasings and tags: small for chit-chat that
/// happens to share a word with an entry.
/// </remarks>
public sealed record SearchHit(string EntryId, string Title, string Category, double Score, double Confidence, double Evidence);
