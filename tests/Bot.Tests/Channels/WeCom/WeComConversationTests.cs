using System.Net;
using CitizenBot.Bot.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>Signed messages through to the chat gateway and back as encrypted passive replies.</summary>
public sealed class WeComConversationTests(WeComConversationTests.KnowledgeFixture service) : IClassFixture<WeComConversationTests.KnowledgeFixture>
{
    private const string Group = "grp-xyz-01-01";

    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    [Fact]
    public async Task Post_AnswersAGroupQuestion_WithAnEncryptedPassiveReply()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.PostAsync(WeComSample.Sign(WeComSample.TextMessage("zhaoliu", "@百事通 暖气不热找谁", "7001", Now, Group), Now));

        var reply = await WeComSample.OpenReplyAsync(response);
        Assert.Equal("zhaoliu", (string?)reply.Element("ToUserName"));
        Assert.Equal(WeComSample.CorpId, (string?)reply.Element("FromUserName"));
        Assert.Equal("text", (string?)reply.Element("MsgType"));
        Assert.Contains("供热", (string?)reply.Element("Content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_IsAnsweredEmpty_WhenTheMsgIdWasHandledBefore()
    {
        using var client = service.Factory.CreateSocketClient();
        var message = WeComSample.TextMessage("sunqi", "@百事通 暖气不热找谁", "7002", Now, Group);
        using var first = await client.PostAsync(WeComSample.Sign(message, Now));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // 企业微信's retry of the same message: a new signature, timestamp and nonce, the same MsgId.
        using var again = await client.PostAsync(WeComSample.Sign(message, Now.AddSeconds(1)));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_DeliversWaitingNotices_InTheResidentsPrivateThreadOnly()
    {
        using var client = service.Factory.CreateSocketClient();
        var outbox = service.Factory.Services.GetRequiredService<ResidentOutbox>();
        await outbox.SendAsync(new OutboundNotice("wecom:zhouba", "【工单 T-1】网格员回复：已联系供热单位上门。", "T-1"), CancellationToken.None);

        using var inGroup = await client.PostAsync(WeComSample.Sign(WeComSample.TextMessage("zhouba", "@百事通 你好", "7003", Now, Group), Now));
        var groupText = inGroup.Content.Headers.ContentLength == 0 ? "" : (string?)(await WeComSample.OpenReplyAsync(inGroup)).Element("Content");
        using var inPrivate = await client.PostAsync(WeComSample.Sign(WeComSample.TextMessage("zhouba", "你好", "7004", Now), Now));
        var privateText = (string?)(await WeComSample.OpenReplyAsync(inPrivate)).Element("Content");

        Assert.Equal(HttpStatusCode.OK, inGroup.StatusCode);
        Assert.DoesNotContain("已联系供热单位上门", groupText, StringComparison.Ordinal);
        Assert.Contains("已联系供热单位上门", privateText, StringComparison.Ordinal);
        Assert.Empty(outbox.Collect("wecom:zhouba"));
    }

    /// <summary>The channel on, with the seed knowledge base imported so questions find answers.</summary>
    public sealed class KnowledgeFixture : WeComServiceFixture
    {
        protected override bool ImportKnowledge => true;
    }
}
