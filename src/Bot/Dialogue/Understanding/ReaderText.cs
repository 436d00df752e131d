using System.Text;
using System.Text.RegularExpressions;

namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>The two forms of a message the readers match against.</summary>
internal static partial class ReaderText
{
    /// <summary>
    /// NFKC (full-width letters, digits and punctuation → ASCII; ① → 1), ASCII lower case, WeChat sticker codes such
    /// as <c>[强]</c> removed, trimmed. Han text and punctuation are kept, so clauses can still be told apart.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = WithoutBrokenSurrogates(text).Normalize(NormalizationForm.FormKC);
        folded = Sticker().Replace(folded, " ");
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            sb.Append(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>Only the Han characters, ASCII letters and digits of folded text: what is left to understand.</summary>
    public static string Core(string folded)
    {
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (IsWordChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The folded text cut at every character that is not part of a word (punctuation, spaces, emoji).</summary>
    public static string[] Clauses(string folded)
    {
        var clauses = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var word = i < folded.Length && IsWordChar(folded[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                clauses.Add(folded[start..i]);
                start = -1;
            }
        }

        return [.. clauses];
    }

    public static bool IsWordChar(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c);

    public static bool IsHan(char c) => (uint)(c - '\u4E00') <= '\u9FFF' - '\u4E00' || (uint)(c - '\u3400') <= '\u4DBF' - '\u3400';

    /// <summary>True when <paramref name="text"/> contains any of <paramref name="words"/>.</summary>
    public static bool ContainsAny(string text, IEnumerable<string> words) =>
        words.Any(word => text.Contains(word, StringComparison.Ordinal));

    // Half an emoji (cut by a client) would make Normalize throw, and a resident's message must never fail.
    private static string WithoutBrokenSurrogates(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = ' ';
                changed = true;
            }
        }

        return changed ? new string(chars) : text;
    }

    // WeChat renders its built-in stickers as text such as [捂脸] or [OK]; they are decoration, not words.
    [GeneratedRegex(@"\[[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,4}\]")]
    private static partial Regex Sticker();
}
