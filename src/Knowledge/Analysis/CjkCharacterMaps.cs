using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// Per-character tables derived from ICU once per process: traditional → simplified, and toneless pinyin.
/// </summary>
/// <remarks>
/// Transforming character by character loses ICU's few phrase-level conversions (e.g. 乾隆 stays 乾); that is the
/// price of an analyzer hot path that never leaves managed code. Characters outside the BMP CJK blocks pass through.
/// </remarks>
internal sealed class CjkCharacterMaps
{
    private static readonly Lazy<CjkCharacterMaps> Shared = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly char[] _simplified;
    private readonly IcuTransliterator? _hanLatin;
    private readonly ConcurrentDictionary<char, string> _pinyin = new();

    private CjkCharacterMaps(char[] simplified, IcuTransliterator? hanLatin, bool hasTraditional)
    {
        _simplified = simplified;
        _hanLatin = hanLatin;
        HasTraditionalToSimplified = hasTraditional;
    }

    /// <summary>The process-wide tables (built on first use, about 100 ms).</summary>
    public static CjkCharacterMaps Instance => Shared.Value;

    /// <summary>False when ICU or its Traditional-Simplified transform is missing; text then passes unchanged.</summary>
    public bool HasTraditionalToSimplified { get; }

    /// <summary>False when ICU's Han-Latin transform is missing; pinyin keys are then unavailable.</summary>
    public bool HasPinyin => _hanLatin is not null;

    /// <summary>The simplified form of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    public char ToSimplified(char c) => CjkRanges.IsCjkBmp(c) ? _simplified[c - CjkRanges.ExtensionAFirst] : c;

    /// <summary>Toneless lower-case pinyin of <paramref name="c"/> (e.g. 暖 → "nuan"), or null when unknown.</summary>
    public string? Pinyin(char c)
    {
        if (_hanLatin is null || !CjkRanges.IsCjkBmp(c))
        {
            return null;
        }

        var syllable = _pinyin.GetOrAdd(c, static (ch, icu) => StripTones(icu.Transliterate(ch.ToString())), _hanLatin);
        return syllable.Length == 0 ? null : syllable;
    }

    private static CjkCharacterMaps Build()
    {
        var table = new char[CjkRanges.UnifiedLast - CjkRanges.ExtensionAFirst + 1];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)(CjkRanges.ExtensionAFirst + i);
        }

        var hasTraditional = IcuTransliterator.TryOpen("Traditional-Simplified", out var toSimplified);
        if (toSimplified is not null)
        {
            using (toSimplified)
            {
                FillSimplified(table, toSimplified);
            }
        }

        IcuTransliterator.TryOpen("Han-Latin", out var hanLatin);
        return new CjkCharacterMaps(table, hanLatin, hasTraditional);
    }

    private static void FillSimplified(char[] table, IcuTransliterator transliterator)
    {
        // One ICU call over a long run is far cheaper than one per character; a block of characters separated by
        // newlines comes back line for line because the transform is character-level for unrelated characters.
        const int Block = 2048;
        var sb = new StringBuilder(Block * 2);
        for (var start = 0; start < table.Length; start += Block)
        {
            var end = Math.Min(start + Block, table.Length);
            sb.Clear();
            for (var i = start; i < end; i++)
            {
                sb.Append(table[i]).Append('\n');
            }

            var lines = transliterator.Transliterate(sb.ToString()).Split('\n');
            if (lines.Length - 1 != end - start)
            {
                continue; // the block did not come back line for line; keep identity rather than misalign
            }

            for (var i = start; i < end; i++)
            {
                var converted = lines[i - start];
                if (converted.Length == 1)
                {
                    table[i] = converted[0];
                }
            }
        }
    }

    private static string StripTones(string latin)
    {
        var decomposed = latin.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (ch is >= 'a' and <= 'z')
            {
                sb.Append(ch);
            }
            else if (ch is >= 'A' and <= 'Z')
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && ch is not ' ')
            {
                return string.Empty; // not a pinyin syllable (ICU left the character untransformed)
            }
        }

        return sb.ToString();
    }
}
