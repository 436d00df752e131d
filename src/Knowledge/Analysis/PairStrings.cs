namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// Shared strings for two-character tokens: a character bigram is the analyzer's most frequent term, and without this
/// every occurrence in every message, entry and query was a fresh string (most of what mining and bulk indexing
/// allocated). A direct-mapped table keyed by the pair keeps the last string seen per slot; residents' vocabulary is
/// Zipfian, so the pairs that matter stay, and a rare pair that collides is simply built again.
/// </summary>
internal static class PairStrings
{
    private const int Bits = 18;

    private static readonly string?[] Table = new string?[1 << Bits];

    public static string Of(ReadOnlySpan<char> pair)
    {
        var (a, b) = (pair[0], pair[1]);
        var key = ((uint)a << 16) | b;
        ref var slot = ref Table[(key * 0x9E3779B1u) >> (32 - Bits)];
        var cached = slot;
        if (cached is not null && cached[0] == a && cached[1] == b)
        {
            return cached;
        }

        // Reference writes are atomic: a race only builds the same two-character string twice.
        var built = new string(pair);
        slot = built;
        return built;
    }
}
