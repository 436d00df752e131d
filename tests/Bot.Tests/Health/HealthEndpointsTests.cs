using System.Net;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Health;

/// <summary><c>GET /health</c> on the real service, seeded from the repository's knowledge base on first start.</summary>
public sealed class HealthEndpointsTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    [Fact]
    public async Task Health_ReportsOkAndEveryPublishedSeedEntry_WhenTheSeedWasImportedOnFirstStart()
    {
        using var response = await service.Client.GetAsync(BotHttp.Health);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal("ok", body.GetProperty("status").GetString());
        var expected = RepositoryPaths.PublishedSeedEntryCount();
        Assert.True(expected > 150, $"the seed has {expected} published entries; expected well over 150");
        Assert.Equal(expected, body.GetProperty("searchableEntries").GetInt32());
    }

    [Fact]
    public void Service_ListensOnLoopbackAndKeepsItsIndexInTheConfiguredDataDirectory()
    {
        Assert.Equal("127.0.0.1", service.Factory.ServerAddress.Host);
        Assert.NotEqual(0, service.Factory.ServerAddress.Port);
        Assert.True(File.Exists(Path.Combine(service.DataDirectory, "knowledge.db")), "no knowledge.db in the configured data directory");
    }
}
