namespace CitizenBot.Knowledge.Analysis;

/// <summary>Which kinds of terms the analyzer emits for a text.</summary>
public enum TermGranularity
{
    /// <summary>Dictionary words with their synonym group's standard term, character bigrams and single characters.</summary>
    All,

    /// <summary>Words and bigrams, no single characters (except a character standing alone).</summary>
    NoCharacters,

    /// <summary>Dictionary words (with standard synonyms) and ASCII words only.</summary>
    Words,
}
