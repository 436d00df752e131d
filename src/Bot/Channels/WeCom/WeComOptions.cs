using System.ComponentModel.DataAnnotations;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>
/// The 企业微信 application's callback settings, section <c>WeCom</c>, as its admin console shows them ("接收消息"
/// settings). All empty (the default) turns the channel off; once any is set, all three must be, and valid, or the
/// service does not start.
/// </summary>
internal sealed class WeComOptions
{
    public const string SectionName = "WeCom";

    /// <summary>The callback Token: the shared secret of the request signature.</summary>
    public string? Token { get; set; }

    /// <summary>The callback EncodingAESKey: 43 base64 characters, the AES-256 key without its trailing <c>=</c>.</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>The corporation id (企业ID); every decrypted message must name it as its receiver.</summary>
    public string? CorpId { get; set; }

    /// <summary>
    /// How far a request's timestamp may be from this server's clock, either way, before it is refused as stale; also
    /// how long a request's signature is remembered to refuse replays.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when any of the credentials is set: the channel is meant to be on.</summary>
    public bool IsConfigured =>
        !string.IsNullOrEmpty(Token) || !string.IsNullOrEmpty(EncodingAESKey) || !string.IsNullOrEmpty(CorpId);

    /// <summary>True when the credentials are all present and well-formed (or all absent: the channel is off).</summary>
    public bool HasValidCredentials() =>
        !IsConfigured
        || (!string.IsNullOrWhiteSpace(Token) && !string.IsNullOrWhiteSpace(CorpId) && WeComCrypto.IsValidEncodingAesKey(EncodingAESKey));
}
