using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>One running service per test class with the WeCom channel on (the protocol's sample credentials).</summary>
public class WeComServiceFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BotApplicationFactory? _factory;

    public BotApplicationFactory Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Whether the knowledge base is imported (only conversations that search need it; start-up is slower).</summary>
    protected virtual bool ImportKnowledge => false;

    public Task InitializeAsync()
    {
        var settings = WeComSample.Settings();
        settings["Knowledge:ImportOnFirstStart"] = ImportKnowledge ? "true" : "false";
        _factory = new BotApplicationFactory(_data.Path, settings);
        _ = _factory.ServerAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data.Dispose();
    }
}
