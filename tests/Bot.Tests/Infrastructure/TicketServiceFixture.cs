namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>
/// One running service per test class for the ticket and auth APIs, in its own temporary data directory; the
/// knowledge base is not imported (these tests never search), which keeps start-up short.
/// </summary>
public sealed class TicketServiceFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BotApplicationFactory? _factory;

    public BotApplicationFactory Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    public string DataDirectory => _data.Path;

    public Task InitializeAsync()
    {
        _factory = new BotApplicationFactory(_data.Path, new Dictionary<string, string> { ["Knowledge:ImportOnFirstStart"] = "false" });
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
