using Microsoft.AspNetCore.Mvc;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>The query string 企业微信 signs its callbacks with; every value is checked by the handler, not the binder.</summary>
internal sealed record WeComQuery(
    [property: FromQuery(Name = "msg_signature")] string? MsgSignature,
    [property: FromQuery(Name = "timestamp")] string? Timestamp,
    [property: FromQuery(Name = "nonce")] string? Nonce,
    [property: FromQuery(Name = "echostr")] string? EchoStr);
