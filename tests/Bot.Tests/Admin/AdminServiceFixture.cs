using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// One running service per admin API test class, seeded from the repository's knowledge base in its own temporary
/// data directory, with scheduled mining off (runs happen only when a test asks), and an admin signed in.
/// </summary>
public sealed class AdminServiceFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BotApplicationFactory? _factory;
    private HttpClient? _admin;
    private HttpClient? _anonymous;

    public BotApplicationFactory Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>A client with the admin's bearer token.</summary>
    public HttpClient Admin => _admin ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>A client without a token, as residents' channels call the service.</summary>
    public HttpClient Anonymous => _anonymous ?? throw new InvalidOperationException("Not initialized.");

    public static BotApplicationFactory CreateFactory(string dataDirectory) =>
        new(dataDirectory, new Dictionary<string, string> { ["Mining:ScheduleEnabled"] = "false" });

    public async Task InitializeAsync()
    {
        _factory = CreateFactory(_data.Path);
        _anonymous = _factory.CreateSocketClient();
        _admin = await _factory.SignInAsync(StaffApi.Admin);
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        _anonymous?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data.Dispose();
    }
}
