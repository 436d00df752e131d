using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CitizenBot.Bot.Tests.Console;

/// <summary>
/// The real service on a loopback port with its own data directory, and Debian's Chromium driven by Playwright
/// (the system browser: this machine cannot download Playwright's own builds). One per test class; each test opens
/// its own browser context, so sessionStorage (the token) is never shared between tests.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _data = new();
    private BotApplicationFactory? _factory;
    private HttpClient? _client;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BotApplicationFactory Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    public HttpClient Client => _client ?? throw new InvalidOperationException("Not initialized.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Where the console is served, e.g. <c>http://127.0.0.1:41234/console/</c>.</summary>
    public Uri ConsoleAddress => new(Factory.ServerAddress, "console/");

    /// <summary>Screenshots for the humans reviewing a run; under the test output folder, never committed.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    public async Task InitializeAsync()
    {
        _factory = new BotApplicationFactory(_data.Path);
        _client = _factory.CreateSocketClient();
        // A loaded two-core machine builds while these run: give page conditions more than the 5 s default.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser context and page at the console's address.</summary>
    public async Task<IPage> OpenConsoleAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsoleAddress.ToString());
        return page;
    }

    /// <summary>Signs in through the form and waits for the queue.</summary>
    public static async Task SignInAsync(IPage page, string user, string password = StaffApi.SeedPassword)
    {
        await page.GetByLabel("账号").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Seed passwords must be changed; the console offers it and lets the worker skip.
        // Whichever view comes next; the hidden one is not matched, so this waits without guessing.
        await Assertions.Expect(page.Locator("#password-view:not([hidden]), #work-view:not([hidden])")).ToBeVisibleAsync();
        var skip = page.GetByRole(AriaRole.Button, new() { Name = "暂不修改" });
        if (await skip.IsVisibleAsync())
        {
            await skip.ClickAsync();
        }

        var queue = page.Locator("#work-view");

        await Assertions.Expect(queue).ToBeVisibleAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data.Dispose();
    }
}
