using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>
/// 企业微信's callback encryption (回调和回复的加解密方案): SHA-1 signatures over the sorted request values, and
/// AES-256-CBC with the key's first 16 bytes as IV over <c>random(16) + length(4, big-endian) + message + receiverId</c>,
/// padded PKCS#7-style to a multiple of 32 bytes (not AES's 16). Thread-safe.
/// </summary>
internal sealed class WeComCrypto
{
    /// <summary>The protocol pads to 32-byte blocks, the key length, although AES's block is 16.</summary>
    public const int PaddingBlockSize = 32;

    private const int EncodingAesKeyLength = 43;
    private const int KeyLength = 32;
    private const int RandomPrefixLength = 16;
    private const int LengthFieldSize = 4;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _token;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _receiverId;

    public WeComCrypto(string token, string encodingAesKey, string receiverId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(receiverId);
        _key = DecodeKey(encodingAesKey) ?? throw new ArgumentException("The EncodingAESKey must be 43 base64 characters.", nameof(encodingAesKey));
        _iv = _key[..16];
        _token = token;
        _receiverId = Encoding.UTF8.GetBytes(receiverId);
    }

    /// <summary>True for 43 base64 characters that decode (with the protocol's <c>=</c> appended) to a 32-byte key.</summary>
    public static bool IsValidEncodingAesKey([NotNullWhen(true)] string? value) => DecodeKey(value) is not null;

    /// <summary>The protocol's signature: lower-case hex SHA-1 of the four values sorted ordinally and concatenated.</summary>
    public string Sign(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [_token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is what the protocol signs with; the choice is 企业微信's, not ours.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }

    /// <summary>Compares in constant time, so the response time does not reveal how much of a forged signature matched.</summary>
    public bool HasValidSignature(string signature, string timestamp, string nonce, string encrypted) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypted)),
            Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));

    /// <summary>Decrypts a base64 ciphertext; every malformation is a <paramref name="rejection"/>, never an exception.</summary>
    public bool TryDecrypt(string encrypted, [NotNullWhen(true)] out string? message, out WeComRejection rejection)
    {
        message = null;
        rejection = WeComRejection.Undecryptable;
        var cipher = new byte[encrypted.Length * 3 / 4];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var cipherLength) || cipherLength == 0 || cipherLength % PaddingBlockSize != 0)
        {
            return false;
        }

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = _key;
            plain = aes.DecryptCbc(cipher.AsSpan(0, cipherLength), _iv, PaddingMode.None);
        }

        if (!TryUnpad(plain, out var plainLength) || plainLength < RandomPrefixLength + LengthFieldSize)
        {
            return false;
        }

        var body = plain.AsSpan(RandomPrefixLength + LengthFieldSize, plainLength - RandomPrefixLength - LengthFieldSize);
        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(plain.AsSpan(RandomPrefixLength, LengthFieldSize));
        if (messageLength > (uint)body.Length)
        {
            return false;
        }

        if (!body[(int)messageLength..].SequenceEqual(_receiverId))
        {
            rejection = WeComRejection.WrongReceiver;
            return false;
        }

        try
        {
            message = StrictUtf8.GetString(body[..(int)messageLength]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Encrypts <paramref name="message"/> for us as receiver, with a fresh random prefix; base64.</summary>
    public string Encrypt(string message)
    {
        var messageBytes = Encoding.UTF8.GetBytes(message);
        var plain = new byte[RandomPrefixLength + LengthFieldSize + messageBytes.Length + _receiverId.Length];
        RandomNumberGenerator.Fill(plain.AsSpan(0, RandomPrefixLength));
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomPrefixLength, LengthFieldSize), (uint)messageBytes.Length);
        messageBytes.CopyTo(plain, RandomPrefixLength + LengthFieldSize);
        _receiverId.CopyTo(plain, RandomPrefixLength + LengthFieldSize + messageBytes.Length);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(Pad(plain), _iv, PaddingMode.None));
    }

    /// <summary>PKCS#7 to a multiple of <see cref="PaddingBlockSize"/>: always 1 to 32 bytes, each holding the count.</summary>
    public static byte[] Pad(ReadOnlySpan<byte> data)
    {
        var count = PaddingBlockSize - (data.Length % PaddingBlockSize);
        var padded = new byte[data.Length + count];
        data.CopyTo(padded);
        padded.AsSpan(data.Length).Fill((byte)count);
        return padded;
    }

    /// <summary>
    /// The length without the padding, when the padding is exactly what <see cref="Pad"/> writes. Stricter than the
    /// protocol's sample code, which treats an out-of-range count as no padding: a wrong key or tampered block should
    /// be refused, not parsed.
    /// </summary>
    public static bool TryUnpad(ReadOnlySpan<byte> data, out int length)
    {
        length = 0;
        if (data.IsEmpty || data.Length % PaddingBlockSize != 0)
        {
            return false;
        }

        var count = data[^1];
        if (count is 0 or > PaddingBlockSize || data[^count..].ContainsAnyExcept(count))
        {
            return false;
        }

        length = data.Length - count;
        return true;
    }

    private static byte[]? DecodeKey(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: EncodingAesKeyLength })
        {
            return null;
        }

        var key = new byte[KeyLength + 1];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == KeyLength ? key[..KeyLength] : null;
    }
}
