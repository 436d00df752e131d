namespace CitizenBot.Knowledge.Analysis;

/// <summary>Range checks for the Han characters the analyzer treats as CJK text.</summary>
internal static class CjkRanges
{
    public const char ExtensionAFirst = '\u3400';
    public const char UnifiedLast = '\u9FFF';

    /// <summary>CJK Unified Ideographs and Extension A (U+3400–U+9FFF), the BMP Han blocks.</summary>
    public static bool IsCjkBmp(char c) => (uint)(c - ExtensionAFirst) <= (uint)(UnifiedLast - ExtensionAFirst);

    /// <summary>ASCII letters and digits; everything the analyzer keeps besides Han.</summary>
    public static bool IsAsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
}
