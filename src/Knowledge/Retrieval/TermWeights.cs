using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Index;

namespace CitizenBot.Knowledge.Retrieval;

/// <summary>A term's weight: its IDF times the weight of its kind (character, bigram, longer word, ASCII).</summary>
internal static class TermWeights
{
    public static double Of(ReadOnlySpan<char> term, TermStatistics statistics, RetrievalOptions options) =>
        statistics.InverseDocumentFrequency(term) * KindWeight(term, options);

    public static double KindWeight(ReadOnlySpan<char> term, RetrievalOptions options)
    {
        if (term.IsEmpty)
        {
            return 0;
        }

        if (!CjkRanges.IsCjkBmp(term[0]))
        {
            return options.LatinWeight;
        }

        return term.Length switch
        {
            1 => options.UnigramWeight,
            2 => 1.0,
            _ => options.WordWeight,
        };
    }
}
