using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CitizenBot.Bot.Conversations;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>
/// The configured 企业微信 application: its crypto (null when the channel is off), the replay guard, and how the
/// bot's replies become one passive reply. 企业微信 can only answer the message it delivered, so replies addressed
/// to the resident's private thread wait in the <see cref="ResidentOutbox"/> until the resident next writes there.
/// </summary>
internal sealed class WeComChannel
{
    /// <summary>企业微信 refuses text messages longer than this many UTF-8 bytes.</summary>
    public const int MaxReplyBytes = 2048;

    private const string Clipped = "……（内容过长，以下从略）";

    private readonly ResidentOutbox _outbox;
    private readonly TimeProvider _timeProvider;
    private readonly string _corpId;

    public WeComChannel(IOptions<WeComOptions> options, WeComRequestGuard guard, ResidentOutbox outbox, TimeProvider timeProvider, ILogger<WeComChannel> logger)
    {
        var settings = options.Value;
        if (settings.IsConfigured && settings.HasValidCredentials())
        {
            Crypto = new WeComCrypto(settings.Token!, settings.EncodingAESKey!, settings.CorpId!);
        }

        _corpId = settings.CorpId ?? "";
        Guard = guard;
        _outbox = outbox;
        _timeProvider = timeProvider;
        Logger = logger;
    }

    /// <summary>Null when the channel is off (no <c>WeCom</c> settings).</summary>
    public WeComCrypto? Crypto { get; }

    public WeComRequestGuard Guard { get; }

    public ILogger Logger { get; }

    /// <summary>
    /// The text to answer <paramref name="message"/> with: the replies meant for its conversation, then, in a private
    /// thread only, the notices waiting for the resident (a group must not read them; it hears only how many wait). Replies meant for the
    /// resident's private thread are queued instead. Empty when there is nothing to say.
    /// </summary>
    public async Task<(string Text, int NoticeCount)> ComposeAsync(InboundMessage message, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        var residentId = ResidentIds.Of(WeComMessage.Channel, message.SenderId);
        var waitingBefore = _outbox.Count(residentId);
        var parts = new List<string>();
        foreach (var reply in replies)
        {
            if (string.Equals(reply.ConversationId, message.ConversationId, StringComparison.Ordinal) && reply.ConversationType == message.ConversationType)
            {
                parts.Add(Format(reply));
            }
            else if (reply.ConversationType == ConversationType.Private && reply.ConversationId.StartsWith(PrivateThreads.Prefix, StringComparison.Ordinal))
            {
                // The resident's private thread, which 企业微信 cannot be made to open: the reply waits for their next
                // message there.
                var resident = ResidentIds.Of(WeComMessage.Channel, reply.ConversationId[PrivateThreads.Prefix.Length..]);
                await _outbox.SendAsync(new OutboundNotice(resident, Format(reply), reply.TicketNumber), cancellationToken);
            }
            else
            {
                WeComLog.ReplyUndeliverable(Logger, reply.ConversationType);
            }
        }

        var notices = message.ConversationType == ConversationType.Private ? _outbox.Collect(residentId) : [];
        parts.AddRange(notices.Select(n => n.Text));
        if (message.ConversationType == ConversationType.Group && waitingBefore > 0)
        {
            // Notices are private (a worker's reply, a rating request): the group only hears that some are waiting, so a
            // resident who writes only in groups still learns to look. What this message queued is announced by its reply.
            parts.Add($"@{message.SenderId} 您有 {waitingBefore} 条新消息，请私聊百事通查看。");
        }

        return (Clip(string.Join("\n\n", parts)), notices.Count);
    }

    /// <summary>The encrypted passive reply carrying <paramref name="text"/> to <paramref name="toUser"/>.</summary>
    public string EncryptReply(WeComCrypto crypto, string toUser, string text)
    {
        var now = _timeProvider.GetUtcNow();
        var encrypted = crypto.Encrypt(WeComXml.TextReply(toUser, _corpId, now, text));
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(int.MaxValue).ToString(CultureInfo.InvariantCulture);
        return WeComXml.EncryptedReply(encrypted, crypto.Sign(timestamp, nonce, encrypted), timestamp, nonce);
    }

    /// <summary>WeCom text has no buttons: mentions become "@id " and the choices a line of what can be typed.</summary>
    private static string Format(BotReply reply)
    {
        var text = new StringBuilder();
        foreach (var mention in reply.Mentions)
        {
            text.Append('@').Append(mention).Append(' ');
        }

        text.Append(reply.Text);
        if (reply.Choices.Count > 0)
        {
            text.Append("\n（可回复：").AppendJoin(" / ", reply.Choices.Select(c => c.Reply)).Append('）');
        }

        return text.ToString();
    }

    private static string Clip(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxReplyBytes)
        {
            return text;
        }

        var budget = MaxReplyBytes - Encoding.UTF8.GetByteCount(Clipped);
        var length = text.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > budget)
        {
            length -= Math.Max(1, (Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) - budget) / 3);
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length), Clipped);
    }
}
