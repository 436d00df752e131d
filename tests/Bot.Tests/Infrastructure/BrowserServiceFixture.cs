using CitizenBot.Bot.Tests.Console;
using Microsoft.Playwright;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real service on a loopback port with its own data directory, and Debian's Chromium driven by Playwright: what
/// every page test class needs. Subclasses add where their page is and how to open it.
/// </summary>
public abstract class BrowserServiceFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BotApplicationFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BotApplicationFactory Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _factory = new BotApplicationFactory(_data.Path);
        _ = Factory.ServerAddress;
        // A loaded two-core machine builds while these run: give page conditions more than the 5 s default.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ConsoleFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data.Dispose();
    }
}
