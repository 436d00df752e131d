using System.Net;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>The channel is off without settings, and refuses to start half-configured.</summary>
public sealed class WeComChannelConfigurationTests
{
    [Fact]
    public async Task Callback_Is404WithAProblem_WhenTheChannelIsNotConfigured()
    {
        using var data = new TempDirectory();
        await using var factory = new BotApplicationFactory(data.Path, new Dictionary<string, string> { ["Knowledge:ImportOnFirstStart"] = "false" });
        using var client = factory.CreateSocketClient();

        using var get = await client.GetAsync(WeComSample.VerifyUri(WeComSample.EchoSignature, WeComSample.EchoTimestamp, WeComSample.EchoNonce, WeComSample.EchoStr));
        using var post = await client.PostAsync(WeComSample.Sign(WeComSample.Event("zhangsan", TimeProvider.System.GetUtcNow()), TimeProvider.System.GetUtcNow()));

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("企业微信渠道未配置", (await response.ReadJsonAsync()).GetProperty("title").GetString());
        }
    }

    [Theory]
    [InlineData("WeCom:Token")]
    [InlineData("WeCom:EncodingAESKey")]
    [InlineData("WeCom:CorpId")]
    public void Startup_Fails_WhenASettingIsMissing(string missing)
    {
        using var data = new TempDirectory();
        var settings = WeComSample.Settings();
        settings[missing] = "";
        using var factory = new BotApplicationFactory(data.Path, settings);

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateSocketClient().Dispose());

        Assert.Contains("WeCom", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_Fails_WhenTheEncodingAesKeyIsNot43Base64Characters()
    {
        using var data = new TempDirectory();
        var settings = WeComSample.Settings();
        settings["WeCom:EncodingAESKey"] = "too-short";
        using var factory = new BotApplicationFactory(data.Path, settings);

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateSocketClient().Dispose());

        Assert.Contains("EncodingAESKey", ex.Message, StringComparison.Ordinal);
    }
}
