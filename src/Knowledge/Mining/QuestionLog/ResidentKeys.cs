using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// Turns a resident id into the log's pseudonymous key: HMAC-SHA256 under a secret, cut to 128 bits as 32 hex digits.
/// Without the secret the key cannot be traced back by hashing guessed ids. Thread-safe.
/// </summary>
internal sealed class ResidentKeys(byte[] secret)
{
    private const int SecretBytes = 32;

    // A resident asks many questions; an HMAC costs more than the lookup. Cleared whole when full, to stay bounded.
    private const int MaxCached = 100_000;

    // Ids longer than this are hashed from a rented buffer rather than the stack.
    private const int MaxStackIdBytes = 512;

    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    // Counted here, not with _cache.Count, which takes every one of the dictionary's locks (it cost ~10x the HMAC).
    private int _added;

    public string KeyOf(string residentId)
    {
        if (_cache.TryGetValue(residentId, out var cached))
        {
            return cached;
        }

        var key = Hash(residentId);
        if (Interlocked.Increment(ref _added) > MaxCached)
        {
            _cache.Clear();
            Interlocked.Exchange(ref _added, 1);
        }

        _cache[residentId] = key;
        return key;
    }

    private string Hash(string residentId)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(residentId.Length);
        if (length <= MaxStackIdBytes)
        {
            Span<byte> id = stackalloc byte[MaxStackIdBytes];
            var written = Encoding.UTF8.GetBytes(residentId, id);
            HMACSHA256.HashData(secret, id[..written], hash);
        }
        else
        {
            HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(residentId), hash);
        }

        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// The configured secret, else the one in <paramref name="keyPath"/>, created (random, owner-only) when missing.
    /// </summary>
    public static ResidentKeys Load(string? configuredSecret, string keyPath, Action<string> created)
    {
        if (!string.IsNullOrEmpty(configuredSecret))
        {
            return new ResidentKeys(Encoding.UTF8.GetBytes(configuredSecret));
        }

        if (!File.Exists(keyPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(keyPath, Encoding.ASCII, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)));
                created(keyPath);
            }
            catch (IOException) when (File.Exists(keyPath))
            {
                // Another process created it first; use theirs.
            }
        }

        return new ResidentKeys(Convert.FromBase64String(File.ReadAllText(keyPath).Trim()));
    }
}
