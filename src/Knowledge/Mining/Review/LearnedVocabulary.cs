namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>The words and synonyms admins accepted in review, in the order they were accepted.</summary>
/// <param name="Words">Words accepted into the lexicon (normalized).</param>
/// <param name="Synonyms">Terms made synonyms of an existing term (normalized).</param>
public sealed record LearnedVocabulary(IReadOnlyList<string> Words, IReadOnlyList<LearnedSynonym> Synonyms)
{
    public static LearnedVocabulary Empty { get; } = new([], []);

    internal IEnumerable<(string Term, string Of)> SynonymPairs => Synonyms.Select(s => (s.Term, s.Of));
}
