using System.Security.Cryptography;
using CitizenBot.Bot.Channels.WeCom;

namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>The callback encryption against the protocol's published sample, and its refusals.</summary>
public sealed class WeComCryptoTests
{
    [Fact]
    public void Sign_MatchesThePublishedSample_ForUrlVerification()
    {
        var signature = WeComSample.Crypto().Sign(WeComSample.EchoTimestamp, WeComSample.EchoNonce, WeComSample.EchoStr);

        Assert.Equal(WeComSample.EchoSignature, signature);
    }

    [Fact]
    public void Sign_DependsOnTheSetOfValues_NotWhichParameterCarriesThem()
    {
        var crypto = WeComSample.Crypto();

        Assert.Equal(crypto.Sign("1409659589", "263014780", "abc"), crypto.Sign("abc", "1409659589", "263014780"));
        Assert.NotEqual(crypto.Sign("1409659589", "263014780", "abc"), crypto.Sign("1409659589", "263014781", "abc"));
    }

    [Fact]
    public void HasValidSignature_IsFalse_WhenTheSignatureOrAValueDiffers()
    {
        var crypto = WeComSample.Crypto();

        Assert.True(crypto.HasValidSignature(WeComSample.EchoSignature, WeComSample.EchoTimestamp, WeComSample.EchoNonce, WeComSample.EchoStr));
        Assert.False(crypto.HasValidSignature("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4", WeComSample.EchoTimestamp, WeComSample.EchoNonce, WeComSample.EchoStr));
        Assert.False(crypto.HasValidSignature(WeComSample.EchoSignature, "1409659590", WeComSample.EchoNonce, WeComSample.EchoStr));
        Assert.False(crypto.HasValidSignature("", WeComSample.EchoTimestamp, WeComSample.EchoNonce, WeComSample.EchoStr));
    }

    [Fact]
    public void TryDecrypt_YieldsThePublishedPlaintext_ForTheSampleEchoStr()
    {
        Assert.True(WeComSample.Crypto().TryDecrypt(WeComSample.EchoStr, out var plain, out _));

        Assert.Equal(WeComSample.EchoPlaintext, plain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("<xml><Content><![CDATA[暖气不热找谁]]></Content></xml>")]
    [InlineData("0123456789ab")] // 16 + 4 + 12 + 18 (receiver id) = 50 bytes: padded with 14.
    [InlineData("abcdefghijklmnopqrstuvwxyz")] // 16 + 4 + 26 + 18 = 64 bytes: a whole block of padding.
    public void Encrypt_ThenTryDecrypt_RoundTrips(string message)
    {
        var crypto = WeComSample.Crypto();

        var encrypted = crypto.Encrypt(message);

        Assert.Equal(0, Convert.FromBase64String(encrypted).Length % WeComCrypto.PaddingBlockSize);
        Assert.True(crypto.TryDecrypt(encrypted, out var plain, out _));
        Assert.Equal(message, plain);
    }

    [Fact]
    public void Encrypt_DiffersEachTime_ForTheSameMessage()
    {
        var crypto = WeComSample.Crypto();

        Assert.NotEqual(crypto.Encrypt("同一条消息"), crypto.Encrypt("同一条消息"));
    }

    [Fact]
    public void TryDecrypt_RefusesWithWrongReceiver_WhenEncryptedForAnotherCorp()
    {
        var encrypted = WeComSample.Crypto("wwanothercorp0000").Encrypt("<xml/>");

        Assert.False(WeComSample.Crypto().TryDecrypt(encrypted, out _, out var rejection));

        Assert.Equal(WeComRejection.WrongReceiver, rejection);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(63)]
    public void TryDecrypt_Refuses_WhenTheCiphertextIsTampered(int index)
    {
        var cipher = Convert.FromBase64String(WeComSample.EchoStr);
        cipher[index] ^= 0x01;

        Assert.False(WeComSample.Crypto().TryDecrypt(Convert.ToBase64String(cipher), out _, out _));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x21)]
    [InlineData(0xFF)]
    public void TryDecrypt_RefusesAsUndecryptable_WhenThePaddingCountIsOutOfRange(byte last)
    {
        var plain = new byte[64];
        plain[^1] = last;

        Assert.False(WeComSample.Crypto().TryDecrypt(EncryptRaw(plain), out _, out var rejection));

        Assert.Equal(WeComRejection.Undecryptable, rejection);
    }

    [Fact]
    public void TryDecrypt_RefusesAsUndecryptable_WhenThePaddingBytesDisagree()
    {
        var plain = new byte[64];
        plain.AsSpan(60).Fill(4);
        plain[61] = 3;

        Assert.False(WeComSample.Crypto().TryDecrypt(EncryptRaw(plain), out _, out var rejection));

        Assert.Equal(WeComRejection.Undecryptable, rejection);
    }

    [Fact]
    public void TryDecrypt_RefusesAsUndecryptable_WhenTheLengthFieldOverrunsTheMessage()
    {
        var plain = new byte[64];
        plain[16] = 0x7F; // message length ≈ 2 GB
        plain.AsSpan(48).Fill(16);

        Assert.False(WeComSample.Crypto().TryDecrypt(EncryptRaw(plain), out _, out var rejection));

        Assert.Equal(WeComRejection.Undecryptable, rejection);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")] // 16 bytes: one AES block, but not the protocol's 32-byte multiple.
    public void TryDecrypt_RefusesAsUndecryptable_WhenNotWholePaddedBlocks(string encrypted)
    {
        Assert.False(WeComSample.Crypto().TryDecrypt(encrypted, out _, out var rejection));

        Assert.Equal(WeComRejection.Undecryptable, rejection);
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(31, 1)]
    [InlineData(32, 32)]
    [InlineData(50, 14)]
    public void Pad_FillsToAMultipleOf32_WithTheCount(int length, int count)
    {
        var padded = WeComCrypto.Pad(new byte[length]);

        Assert.Equal(length + count, padded.Length);
        Assert.All(padded[length..], b => Assert.Equal(count, b));
        Assert.True(WeComCrypto.TryUnpad(padded, out var unpadded));
        Assert.Equal(length, unpadded);
    }

    [Theory]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", true)]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2", false)]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2CD", false)]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2!", false)]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykk 6q2B2C", false)]
    [InlineData(null, false)]
    public void IsValidEncodingAesKey_AcceptsOnly43Base64Characters(string? key, bool valid)
    {
        Assert.Equal(valid, WeComCrypto.IsValidEncodingAesKey(key));
    }

    /// <summary>AES-256-CBC of already-"padded" bytes under the sample key, to forge plaintexts Encrypt would never make.</summary>
    private static string EncryptRaw(byte[] plain)
    {
        var key = Convert.FromBase64String(WeComSample.EncodingAesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }
}
