using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CitizenBot.Knowledge.Content;

/// <summary>
/// SHA-256 over every field of an entry, each string as a little-endian length (−1 for null) followed by its UTF-8
/// bytes and each list as its count followed by its items, so no two different entries share an encoding.
/// </summary>
internal static class KnowledgeEntryHash
{
    public static string Compute(KnowledgeEntry entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendString(hash, entry.Id);
        AppendString(hash, entry.Title);
        AppendList(hash, entry.Questions);
        AppendString(hash, entry.Answer);
        AppendString(hash, entry.Category);
        AppendList(hash, entry.Tags);
        AppendString(hash, entry.Department);
        AppendString(hash, entry.Source);
        AppendString(hash, entry.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AppendString(hash, EntryStatusText.ToText(entry.Status));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendList(IncrementalHash hash, IReadOnlyList<string> items)
    {
        AppendInt32(hash, items.Count);
        foreach (var item in items)
        {
            AppendString(hash, item);
        }
    }

    private static void AppendString(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            AppendInt32(hash, -1);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt32(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt32(IncrementalHash hash, int value)
    {
        Span<byte> buffer = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
