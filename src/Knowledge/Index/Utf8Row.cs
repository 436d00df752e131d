using System.Text;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The values of a row already encoded as UTF-8, in one buffer, so that the thread preparing an entry pays for the
/// encoding and the single writer only hands SQLite the bytes.
/// </summary>
internal sealed class Utf8Row
{
    private readonly byte[] _bytes;
    private readonly int[] _ends;

    private Utf8Row(byte[] bytes, int[] ends)
    {
        _bytes = bytes;
        _ends = ends;
    }

    /// <summary>The UTF-8 bytes of value <paramref name="column"/>, in the order given to <see cref="Encode"/>.</summary>
    public ReadOnlySpan<byte> this[int column] => _bytes.AsSpan((column == 0 ? 0 : _ends[column - 1]).._ends[column]);

    public static Utf8Row Encode(params ReadOnlySpan<string> values)
    {
        var length = 0;
        foreach (var value in values)
        {
            length += Encoding.UTF8.GetByteCount(value);
        }

        var bytes = new byte[length];
        var ends = new int[values.Length];
        var end = 0;
        for (var i = 0; i < values.Length; i++)
        {
            end += Encoding.UTF8.GetBytes(values[i], bytes.AsSpan(end));
            ends[i] = end;
        }

        return new Utf8Row(bytes, ends);
    }
}
