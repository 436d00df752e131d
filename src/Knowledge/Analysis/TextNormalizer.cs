using System.Text;

namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// Brings resident text to one form before tokenizing: NFKC (full-width → half-width), ASCII case fold,
/// traditional → simplified, and @mentions, emoji, WeChat <c>[表情]</c> codes and decoration turned into spaces.
/// Han characters, ASCII letters and digits are kept; everything else becomes a single space.
/// </summary>
/// <remarks>Thread-safe and stateless apart from the shared ICU tables.</remarks>
public sealed class TextNormalizer
{
    private const int MaxMentionLength = 20;
    private const int MaxStickerLength = 4;
    private const int StackLimit = 256;

    private readonly CjkCharacterMaps _maps;
    private readonly string[] _mentionNames;

    /// <param name="mentionNames">
    /// Names that may be @-mentioned without a following space (the bot's own name, e.g. 百事通); any other mention
    /// runs to the next space or punctuation mark.
    /// </param>
    public TextNormalizer(IEnumerable<string>? mentionNames = null)
    {
        _maps = CjkCharacterMaps.Instance;
        _mentionNames = [.. (mentionNames ?? []).Where(n => n.Length > 0).OrderByDescending(n => n.Length)];
    }

    /// <summary>True when ICU's traditional → simplified transform is available on this machine.</summary>
    public bool ConvertsTraditional => _maps.HasTraditionalToSimplified;

    /// <summary>Returns the normalized text; an empty string when nothing meaningful is left.</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = WithoutBrokenSurrogates(text);
        // Asking ICU costs more than the rest of this method; a text made only of characters whose NFKC form is known
        // here (almost every resident message) is mapped without it.
        if (IsNfkcByMapping(text))
        {
            text = WithFullWidthAsAscii(text);
        }
        else if (!text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        var source = text.AsSpan();
        // The result is never longer than the input: each kept character is preceded by at most one space that
        // stands for at least one dropped one.
        var buffer = source.Length <= StackLimit ? stackalloc char[StackLimit] : new char[source.Length];
        var length = 0;
        var pendingSpace = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '@')
            {
                i += MentionLength(source[(i + 1)..]);
                pendingSpace = true;
                continue;
            }

            if (c == '[' && TryStickerLength(source[(i + 1)..], out var sticker))
            {
                i += sticker + 1;
                pendingSpace = true;
                continue;
            }

            char kept;
            if (CjkRanges.IsCjkBmp(c))
            {
                kept = _maps.ToSimplified(c);
            }
            else if (CjkRanges.IsAsciiLetterOrDigit(c))
            {
                kept = (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c);
            }
            else
            {
                // Punctuation, emoji (surrogate pairs), symbols and spaces all separate words and carry no meaning.
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && length > 0)
            {
                buffer[length++] = ' ';
            }

            pendingSpace = false;
            buffer[length++] = kept;
        }

        return length == text.Length && buffer[..length].SequenceEqual(text) ? text : new string(buffer[..length]);
    }

    /// <summary>
    /// True when every character is one whose NFKC form is itself or its ASCII counterpart (ASCII, the BMP Han blocks,
    /// the ideographic space and full stop/comma, the full-width ASCII forms): none of them composes or reorders with a
    /// neighbour, so the text's NFKC form is the per-character mapping of <see cref="WithFullWidthAsAscii"/>.
    /// </summary>
    private static bool IsNfkcByMapping(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80 && !CjkRanges.IsCjkBmp(c) && c is not ('\u3000' or '\u3001' or '\u3002') && c is not (>= '\uFF01' and <= '\uFF5E'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>NFKC for the characters <see cref="IsNfkcByMapping"/> accepts: full-width ASCII forms and the ideographic space become ASCII.</summary>
    private static string WithFullWidthAsAscii(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E');
        var space = text.IndexOf('\u3000', StringComparison.Ordinal);
        if (first < 0 && space < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }

    /// <summary>
    /// Replaces unpaired UTF-16 surrogates (half an emoji, cut by a client or a length limit) with spaces:
    /// <see cref="string.Normalize(NormalizationForm)"/> throws on them, and a resident's message must never fail.
    /// </summary>
    private static string WithoutBrokenSurrogates(string text)
    {
        var span = text.AsSpan();
        var firstBroken = -1;
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                firstBroken = i;
                break;
            }
        }

        if (firstBroken < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = firstBroken; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private int MentionLength(ReadOnlySpan<char> afterAt)
    {
        foreach (var name in _mentionNames)
        {
            if (afterAt.StartsWith(name, StringComparison.Ordinal))
            {
                return name.Length;
            }
        }

        var limit = Math.Min(afterAt.Length, MaxMentionLength);
        for (var i = 0; i < limit; i++)
        {
            if (char.IsWhiteSpace(afterAt[i]) || (char.IsPunctuation(afterAt[i]) && afterAt[i] is not ('_' or '-' or '.')))
            {
                return i;
            }
        }

        // No space after the name: only an ASCII handle can be told apart from the question that follows it.
        var ascii = 0;
        while (ascii < afterAt.Length && (CjkRanges.IsAsciiLetterOrDigit(afterAt[ascii]) || afterAt[ascii] is '_' or '-' or '.'))
        {
            ascii++;
        }

        return ascii;
    }

    private static bool TryStickerLength(ReadOnlySpan<char> afterBracket, out int length)
    {
        // WeChat renders its built-in stickers as text such as [捂脸] or [OK]; they are decoration, not words.
        length = afterBracket.IndexOf(']');
        if (length is < 1 or > MaxStickerLength)
        {
            return false;
        }

        foreach (var c in afterBracket[..length])
        {
            if (!CjkRanges.IsCjkBmp(c) && !char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
