using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Health;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Health_ReportsOkAndEverySeedEntry_WhenTheSeedWasImportedOnFirstStart()
    {
        using var data = new TempDirectory();
        await using var factory = new BotApplicationFactory(data.Path);
        using var client = factory.CreateSocketClient();

        using var response = await client.GetAsync(new Uri("health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal(RepositoryPaths.PublishedSeedEntryCount(), body.GetProperty("searchableEntries").GetInt32());
    }
}
