using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Tests.Hosting;

/// <summary>
/// The request-line and header limits the service declares in appsettings.json (1 MB, so an oversized question
/// reaches the search endpoint and gets a clear 400 instead of Kestrel's bare 414).
/// </summary>
public sealed class KestrelLimitsTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    private const int MaxRequestLineSize = 1_048_576;
    private const int MaxRequestHeadersTotalSize = 1_114_112;

    [Fact]
    public void Configuration_DeclaresTheOneMegabyteLimits_FromAppSettings()
    {
        var configuration = service.Factory.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(MaxRequestLineSize, configuration.GetValue<int>("Kestrel:Limits:MaxRequestLineSize"));
        Assert.Equal(MaxRequestHeadersTotalSize, configuration.GetValue<int>("Kestrel:Limits:MaxRequestHeadersTotalSize"));
    }

    [Fact]
    public void Kestrel_AppliesTheLimitsDeclaredInAppSettings()
    {
        var limits = service.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(MaxRequestLineSize, limits.MaxRequestLineSize);
        Assert.Equal(MaxRequestHeadersTotalSize, limits.MaxRequestHeadersTotalSize);
    }
}
