using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>Reading and writing the protocol's <c>&lt;xml&gt;</c> documents, with DTDs and external entities refused.</summary>
internal static class WeComXml
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The callback's outer document; null when it is not well-formed or has no <c>Encrypt</c>.</summary>
    public static WeComEnvelope? ParseEnvelope(string xml) =>
        Load(xml) is { } root && Text(root, "Encrypt") is { } encrypt
            ? new WeComEnvelope(Text(root, "ToUserName"), Text(root, "AgentID"), encrypt)
            : null;

    /// <summary>The decrypted message; null when it is not well-formed or lacks a sender, a valid time or a type.</summary>
    public static WeComMessage? ParseMessage(string xml)
    {
        if (Load(xml) is not { } root
            || Text(root, "FromUserName") is not { } from
            || Text(root, "MsgType") is not { } type
            || !long.TryParse(Text(root, "CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var created)
            || created > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        return new WeComMessage(
            from,
            DateTimeOffset.FromUnixTimeSeconds(created),
            type,
            (string?)root.Element("Content"),
            Text(root, "MsgId"),
            Text(root, "ChatId"));
    }

    /// <summary>The plaintext of a passive text reply (被动回复文本消息).</summary>
    public static string TextReply(string toUser, string fromCorp, DateTimeOffset createdAt, string content) =>
        new XElement(
            "xml",
            new XElement("ToUserName", new XCData(toUser)),
            new XElement("FromUserName", new XCData(fromCorp)),
            new XElement("CreateTime", createdAt.ToUnixTimeSeconds()),
            new XElement("MsgType", new XCData("text")),
            new XElement("Content", new XCData(content))).ToString(SaveOptions.DisableFormatting);

    /// <summary>The encrypted passive reply as sent: ciphertext with its own signature, timestamp and nonce.</summary>
    public static string EncryptedReply(string encrypt, string signature, string timestamp, string nonce) =>
        new XElement(
            "xml",
            new XElement("Encrypt", new XCData(encrypt)),
            new XElement("MsgSignature", new XCData(signature)),
            new XElement("TimeStamp", timestamp),
            new XElement("Nonce", new XCData(nonce))).ToString(SaveOptions.DisableFormatting);

    private static XElement? Load(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings);
            var root = XElement.Load(reader);
            return root.Name == "xml" ? root : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>A child's text, null when absent or blank.</summary>
    private static string? Text(XElement root, string name) =>
        (string?)root.Element(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
