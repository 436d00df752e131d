namespace CitizenBot.Knowledge.Analysis;

/// <summary>One shared string per Han character, so single-character tokens cost no allocation after first use.</summary>
internal static class CharStrings
{
    private static readonly string?[] Table = new string?[CjkRanges.UnifiedLast - CjkRanges.ExtensionAFirst + 1];

    public static string Of(char c)
    {
        if (!CjkRanges.IsCjkBmp(c))
        {
            return c.ToString();
        }

        ref var slot = ref Table[c - CjkRanges.ExtensionAFirst];
        // A race only builds the same one-character string twice; either copy is fine to keep.
        return slot ??= c.ToString();
    }
}
