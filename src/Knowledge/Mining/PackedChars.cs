using System.Diagnostics;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Up to four characters as one <see cref="ulong"/>, 16 bits each: n-gram and term keys that hash and compare as a
/// number, without a string. No character of a text is U+0000, so keys of different lengths never collide.
/// </summary>
internal static class PackedChars
{
    public const int MaxLength = 4;

    public static ulong Pack(ReadOnlySpan<char> chars)
    {
        Debug.Assert(chars.Length <= MaxLength, "only up to 4 characters fit in a ulong key");
        ulong key = 0;
        foreach (var c in chars)
        {
            key = (key << 16) | c;
        }

        return key;
    }

    /// <summary>Writes the <paramref name="chars"/>.Length characters packed in <paramref name="key"/>.</summary>
    public static void Unpack(ulong key, Span<char> chars)
    {
        for (var j = chars.Length - 1; j >= 0; j--)
        {
            chars[j] = (char)(key & 0xFFFF);
            key >>= 16;
        }
    }

    public static string Unpack(ulong key, int length) =>
        string.Create(length, key, static (span, k) => Unpack(k, span));
}
