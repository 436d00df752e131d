using System.Text;
using CitizenBot.Bot.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>
/// The 企业微信 callback, <c>/api/wecom/callback</c>: GET verifies the URL, POST delivers encrypted messages and takes
/// an encrypted passive reply (or an empty 200). 400 for a request that is not the protocol's shape; 401 when it
/// cannot be shown to come from 企业微信 for this corporation (signature, timestamp, ciphertext, receiver); 409 for a
/// replay of a request already received; 404 while the channel is not configured. Nothing refused reaches the bot.
/// </summary>
internal static class WeComEndpoints
{
    /// <summary>Callbacks are small XML documents; anything bigger is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const string OnlyText = "您好，我目前只能看懂文字消息，请用文字描述您的问题。";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapWeComEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/wecom").WithTags("WeCom").AllowAnonymous();
        api.MapGet("/callback", VerifyUrl).WithName("VerifyWeComCallbackUrl");
        api.MapPost("/callback", ReceiveAsync).WithName("ReceiveWeComCallback");
        return app;
    }

    /// <summary>URL verification: answers the decrypted echostr as plain text. Signature only, as the protocol's sample does.</summary>
    public static Results<ContentHttpResult, ProblemHttpResult> VerifyUrl([AsParameters] WeComQuery query, WeComChannel channel)
    {
        if (channel.Crypto is not { } crypto)
        {
            return NotConfigured();
        }

        if (query is not { MsgSignature: { } signature, Timestamp: { } timestamp, Nonce: { } nonce, EchoStr: { } encodedEcho })
        {
            return Malformed(channel, "缺少参数", "URL 验证须带 msg_signature、timestamp、nonce 和 echostr。");
        }

        // Base64 has no spaces: a space is a '+' that reached us unescaped and was decoded as the query's space.
        var echo = encodedEcho.Replace(' ', '+');

        if (!crypto.HasValidSignature(signature, timestamp, nonce, echo))
        {
            return Refused(channel, WeComRejection.ForgedSignature);
        }

        if (!crypto.TryDecrypt(echo, out var plain, out var rejection))
        {
            return Refused(channel, rejection);
        }

        WeComLog.UrlVerified(channel.Logger);
        return TypedResults.Text(plain, "text/plain", Encoding.UTF8);
    }

    /// <summary>One encrypted message: checked, decrypted, answered through the chat gateway.</summary>
    public static async Task<Results<ContentHttpResult, Ok, ProblemHttpResult>> ReceiveAsync(
        [AsParameters] WeComQuery query,
        HttpRequest request,
        WeComChannel channel,
        ChatGateway gateway,
        CancellationToken cancellationToken)
    {
        if (channel.Crypto is not { } crypto)
        {
            return NotConfigured();
        }

        if (query is not { MsgSignature: { } signature, Timestamp: { } timestamp, Nonce: { } nonce })
        {
            return Malformed(channel, "缺少参数", "回调须带 msg_signature、timestamp 和 nonce。");
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Malformed(channel, "请求体过大或编码有误", $"回调消息须为不超过 {MaxBodyBytes / 1024} KB 的 UTF-8 XML。");
        }

        if (WeComXml.ParseEnvelope(body) is not { } envelope)
        {
            return Malformed(channel, "消息格式有误", "回调消息须为含 Encrypt 的 XML。");
        }

        if (!crypto.HasValidSignature(signature, timestamp, nonce, envelope.Encrypt))
        {
            return Refused(channel, WeComRejection.ForgedSignature);
        }

        if (channel.Guard.Admit(signature, timestamp, nonce) is { } stale)
        {
            return Refused(channel, stale);
        }

        if (!crypto.TryDecrypt(envelope.Encrypt, out var plain, out var rejection))
        {
            return Refused(channel, rejection);
        }

        if (WeComXml.ParseMessage(plain) is not { } message)
        {
            return Malformed(channel, "消息格式有误", "解密后的消息缺少 FromUserName、CreateTime 或 MsgType。");
        }

        if (message.IsEvent)
        {
            return TypedResults.Ok();
        }

        if (!message.IsText)
        {
            WeComLog.NotText(channel.Logger, message.MsgType);
            return Reply(channel, crypto, message, OnlyText);
        }

        if (message.ToInbound() is not { } inbound)
        {
            return Malformed(channel, "消息格式有误", "文本消息缺少 Content 或 MsgId。");
        }

        // An authentic message the bot cannot take (empty, too long…): the resident is told why, and 企业微信 gets
        // its 200 so it does not retry.
        if (gateway.Validate(inbound) is { } reason)
        {
            return Reply(channel, crypto, message, reason);
        }

        var receipt = await gateway.ReceiveAsync(inbound, cancellationToken);
        if (receipt.Duplicate)
        {
            WeComLog.Duplicate(channel.Logger, inbound.MessageId);
            return TypedResults.Ok();
        }

        var (text, noticeCount) = await channel.ComposeAsync(inbound, receipt.Replies, cancellationToken);
        WeComLog.MessageAnswered(channel.Logger, inbound.MessageId, receipt.Replies.Count, noticeCount);
        return text.Length == 0 ? TypedResults.Ok() : Reply(channel, crypto, message, text);
    }

    private static ContentHttpResult Reply(WeComChannel channel, WeComCrypto crypto, WeComMessage message, string text) =>
        TypedResults.Text(channel.EncryptReply(crypto, message.FromUserName, text), "application/xml", Encoding.UTF8);

    /// <summary>The body as text; null when it exceeds <see cref="MaxBodyBytes"/> or is not UTF-8.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        // One byte of room past the limit tells "exactly at the limit" from "over it" without reading the rest.
        var buffer = new byte[MaxBodyBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        if (total > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, total);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static ProblemHttpResult NotConfigured() =>
        TypedResults.Problem(title: "企业微信渠道未配置", detail: "本服务未配置企业微信（WeCom）回调。", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Malformed(WeComChannel channel, string title, string detail)
    {
        WeComLog.CallbackMalformed(channel.Logger, title);
        return TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);
    }

    private static ProblemHttpResult Refused(WeComChannel channel, WeComRejection rejection)
    {
        WeComLog.CallbackRefused(channel.Logger, rejection);
        return rejection switch
        {
            WeComRejection.Replayed => TypedResults.Problem(title: "重复的回调请求", detail: "同一签名的请求已经收到过。", statusCode: StatusCodes.Status409Conflict),
            WeComRejection.Stale => TypedResults.Problem(title: "回调请求已过期", detail: "时间戳与服务器时间相差过大。", statusCode: StatusCodes.Status401Unauthorized),
            WeComRejection.ForgedSignature => TypedResults.Problem(title: "签名校验失败", detail: "msg_signature 与请求内容不符。", statusCode: StatusCodes.Status401Unauthorized),
            WeComRejection.WrongReceiver => TypedResults.Problem(title: "接收方不符", detail: "消息不是发给本企业的。", statusCode: StatusCodes.Status401Unauthorized),
            _ => TypedResults.Problem(title: "消息无法解密", detail: "密文与配置的 EncodingAESKey 不符。", statusCode: StatusCodes.Status401Unauthorized),
        };
    }
}
