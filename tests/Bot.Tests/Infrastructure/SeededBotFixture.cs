namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>
/// One running service per test class, seeded from the repository's knowledge base on first start, in its own
/// temporary data directory; for tests that only read.
/// </summary>
public sealed class SeededBotFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BotApplicationFactory? _factory;
    private HttpClient? _client;

    public string DataDirectory => _data.Path;

    public BotApplicationFactory Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>A client talking to the service over a loopback socket.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("Not initialized.");

    public Task InitializeAsync()
    {
        _factory = new BotApplicationFactory(_data.Path);
        _client = _factory.CreateSocketClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data.Dispose();
    }
}
