using System.Text;
using System.Xml.Linq;
using CitizenBot.Bot.Channels;
using CitizenBot.Bot.Channels.WeCom;
using CitizenBot.Bot.Conversations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>How the bot's replies become one passive reply, and what waits for the resident's private thread.</summary>
public sealed class WeComChannelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private readonly ResidentOutbox _outbox = new();
    private readonly WeComChannel _channel;

    public WeComChannelTests()
    {
        var options = Options.Create(new WeComOptions { Token = WeComSample.Token, EncodingAESKey = WeComSample.EncodingAesKey, CorpId = WeComSample.CorpId });
        var clock = new ManualClock(Now);
        _channel = new WeComChannel(options, new WeComRequestGuard(clock, options), _outbox, clock, NullLogger<WeComChannel>.Instance);
    }

    [Fact]
    public async Task ComposeAsync_QueuesPrivateThreadReplies_WhenAnsweringInAGroup()
    {
        var inGroup = Message("grp-1", ConversationType.Group);
        BotReply[] replies =
        [
            Reply("grp-1", ConversationType.Group, "已为您转到私聊。"),
            Reply(PrivateThreads.IdOf("lisi"), ConversationType.Private, "请告诉我您的门牌号。"),
        ];

        var (text, notices) = await _channel.ComposeAsync(inGroup, replies, CancellationToken.None);
        var (privateText, privateNotices) = await _channel.ComposeAsync(Message(PrivateThreads.IdOf("lisi"), ConversationType.Private), [], CancellationToken.None);

        Assert.Equal("已为您转到私聊。", text);
        Assert.Equal(0, notices);
        Assert.Equal("请告诉我您的门牌号。", privateText);
        Assert.Equal(1, privateNotices);
    }

    [Fact]
    public async Task ComposeAsync_InAGroup_SaysHowManyNoticesWait_WithoutTheirText()
    {
        await _outbox.SendAsync(new OutboundNotice("wecom:lisi", "【工单 HQ-20261122-0001】网格员回复：明天上门。", "HQ-20261122-0001"), CancellationToken.None);

        var (text, notices) = await _channel.ComposeAsync(Message("grp-1", ConversationType.Group), [Reply("grp-1", ConversationType.Group, "好的。")], CancellationToken.None);

        Assert.Equal("好的。\n\n@lisi 您有 1 条新消息，请私聊百事通查看。", text);
        Assert.Equal(0, notices);
        Assert.Equal(1, _outbox.Count("wecom:lisi"));
    }

    [Fact]
    public async Task ComposeAsync_WritesMentionsAndChoicesAsText_AndJoinsRepliesWithABlankLine()
    {
        BotReply[] replies =
        [
            Reply("grp-1", ConversationType.Group, "您问的是哪一项？") with { Mentions = ["lisi"], Choices = [new ReplyChoice("暖气", "1"), new ReplyChoice("燃气", "2")] },
            Reply("grp-1", ConversationType.Group, "也可以直接描述。"),
        ];

        var (text, _) = await _channel.ComposeAsync(Message("grp-1", ConversationType.Group), replies, CancellationToken.None);

        Assert.Equal("@lisi 您问的是哪一项？\n（可回复：1 / 2）\n\n也可以直接描述。", text);
    }

    [Fact]
    public async Task ComposeAsync_IsEmpty_WhenThereIsNothingToSay()
    {
        var (text, _) = await _channel.ComposeAsync(Message("grp-1", ConversationType.Group), [], CancellationToken.None);

        Assert.Empty(text);
    }

    [Fact]
    public async Task ComposeAsync_ClipsToWeComsTextLimit()
    {
        var essay = new string('暖', 1000);

        var (text, _) = await _channel.ComposeAsync(Message("grp-1", ConversationType.Group), [Reply("grp-1", ConversationType.Group, essay)], CancellationToken.None);

        Assert.InRange(Encoding.UTF8.GetByteCount(text), WeComChannel.MaxReplyBytes - 3, WeComChannel.MaxReplyBytes);
        Assert.EndsWith("以下从略）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EncryptReply_IsSignedAndDecryptsToATextReplyFromTheCorp()
    {
        var crypto = WeComSample.Crypto();

        var envelope = XElement.Parse(_channel.EncryptReply(crypto, "lisi", "您好 ]]> <b>"));

        var encrypted = (string)envelope.Element("Encrypt")!;
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)envelope.Element("TimeStamp"));
        Assert.True(crypto.HasValidSignature((string)envelope.Element("MsgSignature")!, (string)envelope.Element("TimeStamp")!, (string)envelope.Element("Nonce")!, encrypted));
        Assert.True(crypto.TryDecrypt(encrypted, out var plain, out _));
        var reply = XElement.Parse(plain);
        Assert.Equal("lisi", (string?)reply.Element("ToUserName"));
        Assert.Equal(WeComSample.CorpId, (string?)reply.Element("FromUserName"));
        Assert.Equal("text", (string?)reply.Element("MsgType"));
        Assert.Equal("您好 ]]> <b>", (string?)reply.Element("Content"));
    }

    private static InboundMessage Message(string conversationId, ConversationType type) =>
        new("wecom", conversationId, type, "lisi", "lisi", "你好", [], "m-1", Now);

    private static BotReply Reply(string conversationId, ConversationType type, string text) =>
        new(conversationId, type, text, [], [], null, null);
}
