using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using CitizenBot.Bot.Channels.WeCom;

namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>
/// The values published with 企业微信's encryption scheme (its sample code uses them), and a stand-in for 企业微信
/// itself: it encrypts, signs and posts callbacks as the real service would, and opens the encrypted replies.
/// </summary>
internal static class WeComSample
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string CorpId = "wx5823bf96d3bd56c7";

    public const string EchoSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public const string EchoTimestamp = "1409659589";
    public const string EchoNonce = "263014780";
    public const string EchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    public const string EchoPlaintext = "1616140317555161061";

    public static WeComCrypto Crypto(string corpId = CorpId) => new(Token, EncodingAesKey, corpId);

    /// <summary>Host settings that turn the channel on with the sample credentials.</summary>
    public static Dictionary<string, string> Settings() => new()
    {
        ["Knowledge:ImportOnFirstStart"] = "false",
        ["WeCom:Token"] = Token,
        ["WeCom:EncodingAESKey"] = EncodingAesKey,
        ["WeCom:CorpId"] = CorpId,
    };

    public static Uri VerifyUri(string signature, string timestamp, string nonce, string echo) =>
        new($"api/wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(echo)}", UriKind.Relative);

    /// <summary>A text message's plaintext XML, as 企业微信 sends it; <paramref name="chatId"/> makes it a group message.</summary>
    public static string TextMessage(string from, string content, string msgId, DateTimeOffset at, string? chatId = null) =>
        new XElement(
            "xml",
            new XElement("ToUserName", new XCData(CorpId)),
            new XElement("FromUserName", new XCData(from)),
            new XElement("CreateTime", at.ToUnixTimeSeconds()),
            new XElement("MsgType", new XCData("text")),
            new XElement("Content", new XCData(content)),
            new XElement("MsgId", msgId),
            new XElement("AgentID", 1),
            chatId is null ? null : new XElement("ChatId", new XCData(chatId)),
            new XElement("ChatType", chatId is null ? "single" : "group")).ToString();

    /// <summary>An event's plaintext XML (no MsgId, nothing to answer).</summary>
    public static string Event(string from, DateTimeOffset at) =>
        $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{at.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><AgentID>1</AgentID></xml>";

    /// <summary>A signed callback POST of <paramref name="messageXml"/>, encrypted by <paramref name="crypto"/> (the sample's by default).</summary>
    public static SignedCallback Sign(string messageXml, DateTimeOffset at, WeComCrypto? crypto = null, string? nonce = null)
    {
        crypto ??= Crypto();
        var encrypted = crypto.Encrypt(messageXml);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        nonce ??= Guid.NewGuid().ToString("N")[..10];
        var signature = crypto.Sign(timestamp, nonce, encrypted);
        return new SignedCallback(
            signature,
            timestamp,
            nonce,
            $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><AgentID><![CDATA[1]]></AgentID><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>");
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, SignedCallback callback) =>
        await client.PostAsync(callback.Uri, new StringContent(callback.Body, Encoding.UTF8, "text/xml"));

    /// <summary>Checks the reply's signature as 企业微信 would, decrypts it and returns its plaintext XML.</summary>
    public static async Task<XElement> OpenReplyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = XElement.Parse(await response.Content.ReadAsStringAsync());
        var encrypted = (string)envelope.Element("Encrypt")!;
        var crypto = Crypto();
        Assert.True(crypto.HasValidSignature((string)envelope.Element("MsgSignature")!, (string)envelope.Element("TimeStamp")!, (string)envelope.Element("Nonce")!, encrypted));
        Assert.True(crypto.TryDecrypt(encrypted, out var plain, out _));
        return XElement.Parse(plain);
    }
}

/// <summary>A callback ready to post: the signed query values and the XML body.</summary>
internal sealed record SignedCallback(string Signature, string Timestamp, string Nonce, string Body)
{
    public Uri Uri => new($"api/wecom/callback?msg_signature={Signature}&timestamp={Timestamp}&nonce={Nonce}", UriKind.Relative);
}
