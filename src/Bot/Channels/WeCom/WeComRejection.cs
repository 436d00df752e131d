namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>Why a callback that was well-formed was still refused: it cannot be shown to come from 企业微信 for us.</summary>
internal enum WeComRejection
{
    /// <summary>The msg_signature does not match the Token, timestamp, nonce and ciphertext.</summary>
    ForgedSignature,

    /// <summary>The timestamp is further from this server's clock than the allowed skew.</summary>
    Stale,

    /// <summary>The same signed request was already received within the skew window.</summary>
    Replayed,

    /// <summary>The ciphertext is not valid base64, not whole AES blocks, or its padding or length field is wrong.</summary>
    Undecryptable,

    /// <summary>The message decrypts but names another corporation as its receiver.</summary>
    WrongReceiver,
}
