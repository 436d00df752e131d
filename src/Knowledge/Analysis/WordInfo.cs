namespace CitizenBot.Knowledge.Analysis;

/// <summary>What the lexicon knows about one word.</summary>
/// <param name="Word">The dictionary's own string for the word, so matches cost no allocation.</param>
/// <param name="IsFiller">Chat filler or function phrase (请问, 一下, 谢谢…): dropped and splits the text.</param>
/// <param name="Canonical">The first term of the word's synonym group when that differs from the word itself.</param>
internal readonly record struct WordInfo(string Word, bool IsFiller, string? Canonical);
