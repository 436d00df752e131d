using System.Net;
using System.Text;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>
/// <c>/api/wecom/callback</c> over a real socket: URL verification with the published sample, and every way a
/// callback is refused before anything reaches the bot.
/// </summary>
public sealed class WeComCallbackEndpointsTests(WeComServiceFixture service) : IClassFixture<WeComServiceFixture>
{
    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    [Fact]
    public async Task Get_AnswersTheDecryptedEchoStrAsPlainText_ForThePublishedSample()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.GetAsync(WeComSample.VerifyUri(WeComSample.EchoSignature, WeComSample.EchoTimestamp, WeComSample.EchoNonce, WeComSample.EchoStr));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WeComSample.EchoPlaintext, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_AcceptsTheSampleEchoStr_WhenItsPlusSignsArriveUnescaped()
    {
        using var client = service.Factory.CreateSocketClient();
        var unescaped = new Uri($"api/wecom/callback?msg_signature={WeComSample.EchoSignature}&timestamp={WeComSample.EchoTimestamp}&nonce={WeComSample.EchoNonce}&echostr={WeComSample.EchoStr.Replace("=", "%3D", StringComparison.Ordinal)}", UriKind.Relative);

        using var response = await client.GetAsync(unescaped);

        Assert.Equal(WeComSample.EchoPlaintext, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Is401_WhenTheSignatureIsForged()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.GetAsync(WeComSample.VerifyUri("0000000000000000000000000000000000000000", WeComSample.EchoTimestamp, WeComSample.EchoNonce, WeComSample.EchoStr));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "签名");
    }

    [Fact]
    public async Task Get_Is400_WhenEchoStrIsMissing()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.GetAsync(new Uri($"api/wecom/callback?msg_signature={WeComSample.EchoSignature}&timestamp=1&nonce=2", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "参数");
    }

    [Fact]
    public async Task Post_IsAnsweredEmpty_ForAnEvent()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.PostAsync(WeComSample.Sign(WeComSample.Event("zhangsan", Now), Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_IsAnsweredThatOnlyTextIsUnderstood_ForAnImage()
    {
        using var client = service.Factory.CreateSocketClient();
        var image = $"<xml><ToUserName><![CDATA[{WeComSample.CorpId}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>{Now.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[https://example.invalid/p.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>9001</MsgId><AgentID>1</AgentID></xml>";

        using var response = await client.PostAsync(WeComSample.Sign(image, Now));

        var reply = await WeComSample.OpenReplyAsync(response);
        Assert.Equal("zhangsan", (string?)reply.Element("ToUserName"));
        Assert.Equal(WeComSample.CorpId, (string?)reply.Element("FromUserName"));
        Assert.Equal("text", (string?)reply.Element("MsgType"));
        Assert.Contains("文字", (string?)reply.Element("Content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Is401_WhenTheSignatureIsForged()
    {
        using var client = service.Factory.CreateSocketClient();
        var callback = WeComSample.Sign(WeComSample.Event("zhangsan", Now), Now);
        var forged = callback with { Signature = new string('0', 40) };

        using var response = await client.PostAsync(forged);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "签名");
    }

    [Fact]
    public async Task Post_Is401_WhenTheCiphertextWasSignedByAnotherToken()
    {
        using var client = service.Factory.CreateSocketClient();
        var impostor = new CitizenBot.Bot.Channels.WeCom.WeComCrypto("NotOurs", WeComSample.EncodingAesKey, WeComSample.CorpId);

        using var response = await client.PostAsync(WeComSample.Sign(WeComSample.TextMessage("zhangsan", "你好", "9002", Now), Now, impostor));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "签名");
    }

    [Fact]
    public async Task Post_Is401_WhenTheMessageIsForAnotherCorp()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.PostAsync(WeComSample.Sign(WeComSample.TextMessage("zhangsan", "你好", "9003", Now), Now, WeComSample.Crypto("wwanothercorp0000")));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "接收方");
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task Post_Is401_WhenTheTimestampIsStale(int minutes)
    {
        using var client = service.Factory.CreateSocketClient();
        var at = Now.AddMinutes(minutes);

        using var response = await client.PostAsync(WeComSample.Sign(WeComSample.TextMessage("zhangsan", "你好", "9004", at), at));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "过期");
    }

    [Fact]
    public async Task Post_Is409_WhenTheSameSignedRequestIsReplayed()
    {
        using var client = service.Factory.CreateSocketClient();
        var callback = WeComSample.Sign(WeComSample.Event("zhangsan", Now), Now);

        using var first = await client.PostAsync(callback);
        using var replay = await client.PostAsync(callback);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertProblemAsync(replay, HttpStatusCode.Conflict, "重复");
    }

    [Theory]
    [InlineData("<xml><Encrypt>abc")]
    [InlineData("<xml><ToUserName>x</ToUserName></xml>")]
    [InlineData("not xml at all")]
    [InlineData("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>")]
    public async Task Post_Is400_WhenTheBodyIsNotACallbackDocument(string body)
    {
        using var client = service.Factory.CreateSocketClient();
        var callback = WeComSample.Sign(WeComSample.Event("zhangsan", Now), Now) with { Body = body };

        using var response = await client.PostAsync(callback);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "格式");
    }

    [Fact]
    public async Task Post_Is400_WhenTheBodyExceeds64KB()
    {
        using var client = service.Factory.CreateSocketClient();
        var callback = WeComSample.Sign(WeComSample.Event("zhangsan", Now), Now);
        var oversized = callback with { Body = callback.Body.Replace("</xml>", $"<Pad>{new string('x', 70 * 1024)}</Pad></xml>", StringComparison.Ordinal) };

        using var response = await client.PostAsync(oversized);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "过大");
    }

    [Fact]
    public async Task Post_Is400_WhenTheDecryptedMessageLacksItsSender()
    {
        using var client = service.Factory.CreateSocketClient();
        var message = $"<xml><ToUserName>{WeComSample.CorpId}</ToUserName><CreateTime>{Now.ToUnixTimeSeconds()}</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>9005</MsgId></xml>";

        using var response = await client.PostAsync(WeComSample.Sign(message, Now));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "格式");
    }

    [Fact]
    public async Task Post_Is400_WhenAQueryValueIsMissing()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.PostAsync(new Uri("api/wecom/callback?timestamp=1&nonce=2", UriKind.Relative), new StringContent("<xml/>", Encoding.UTF8, "text/xml"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "参数");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string titlePart)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(titlePart, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
    }
}
