namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// When a resident's new question marks their previous one (asked within the follow-up window) as rephrased: always
/// when the previous one was left unresolved (abstain, or clarify with no pick) — the resident is still after the same
/// thing; after an answer (or a picked choice) only when the two say much the same (character-bigram Dice similarity
/// of at least <see cref="SimilarityThreshold"/>), because a different question after a good answer is just the next
/// question, while the same one again means the answer missed.
/// </summary>
internal static class RephraseRule
{
    public const double SimilarityThreshold = 0.5;

    public static bool IsRephrase(bool previousResolved, string previousText, string text) =>
        !previousResolved || Similarity(previousText, text) >= SimilarityThreshold;

    /// <summary>Dice coefficient over the two texts' character bigrams (whitespace ignored), 0–1.</summary>
    public static double Similarity(string a, string b)
    {
        var left = Bigrams(a);
        var right = Bigrams(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal) ? 1 : 0;
        }

        var shared = 0;
        foreach (var (bigram, count) in left)
        {
            if (right.TryGetValue(bigram, out var other))
            {
                shared += Math.Min(count, other);
            }
        }

        return 2.0 * shared / (left.Values.Sum() + right.Values.Sum());
    }

    private static Dictionary<(char, char), int> Bigrams(string text)
    {
        var bigrams = new Dictionary<(char, char), int>();
        var previous = '\0';
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c))
            {
                continue;
            }

            if (previous != '\0')
            {
                var key = (previous, c);
                bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
            }

            previous = c;
        }

        return bigrams;
    }
}
