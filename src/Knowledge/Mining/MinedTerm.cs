namespace CitizenBot.Knowledge.Mining;

/// <summary>A term residents used in the recent window.</summary>
/// <param name="Term">The term (normalized: simplified Chinese).</param>
/// <param name="Count">Occurrences in the recent window.</param>
/// <param name="PreviousCount">Occurrences in the previous window of equal length.</param>
/// <param name="Rise">
/// <c>(Count + 1) / (PreviousCount + 1)</c>, rounded to 2 decimals; 1 when the previous window holds no message at
/// all (there is no baseline to rise against). The +1 keeps a term first seen now from rising infinitely.
/// </param>
/// <param name="IsNew">The lexicon does not know the term: found by new-word discovery, a candidate to accept.</param>
/// <param name="Score">The ranking key, <c>Count · Rise</c>: frequency in a steady stream, rise when something starts.</param>
public sealed record MinedTerm(string Term, int Count, int PreviousCount, double Rise, bool IsNew, double Score);
