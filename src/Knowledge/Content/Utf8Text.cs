using System.Text;
using System.Text.Unicode;

namespace CitizenBot.Knowledge.Content;

/// <summary>Strict UTF-8 decoding that says on which line the first invalid byte is.</summary>
internal static class Utf8Text
{
    /// <summary>Decodes <paramref name="bytes"/>, dropping a leading BOM.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="text">The decoded text, or empty when the bytes are not valid UTF-8.</param>
    /// <param name="invalidLine">The 1-based line of the first invalid byte, or 0 when the bytes are valid.</param>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int invalidLine)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (Utf8.IsValid(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
            invalidLine = 0;
            return true;
        }

        _ = Utf8.ToUtf16(bytes, new char[bytes.Length], out var validBytes, out _, replaceInvalidSequences: false);
        text = string.Empty;
        invalidLine = bytes[..validBytes].Count((byte)'\n') + 1;
        return false;
    }
}
