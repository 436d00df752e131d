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
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public string KeyOf(string residentId)
    {
        if (_cache.TryGetValue(residentId, out var cached))
        {
            return cached;
        }

        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(residentId), hash);
        var key = Convert.ToHexStringLower(hash[..16]);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[residentId] = key;
        return key;
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
