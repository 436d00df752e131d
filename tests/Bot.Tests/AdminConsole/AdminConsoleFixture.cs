using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CitizenBot.Bot.Tests.AdminConsole;

/// <summary>
/// The real service on a loopback port with its own data directory (it serves the page and signs people in), and
/// Debian's Chromium driven by Playwright, as for the workers' console. One per test class; each page gets its own
/// browser context, so the session in sessionStorage is never shared between tests.
/// </summary>
public sealed class AdminConsoleFixture : BrowserServiceFixture
{
    /// <summary>Where the console is served, e.g. <c>http://127.0.0.1:41234/admin/</c>.</summary>
    public Uri AdminAddress => new(Factory.ServerAddress, "admin/");

    /// <summary>Screenshots for the humans reviewing a run; under the test output folder, never committed.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "admin-screenshots");

    /// <summary>
    /// A fresh browser context on a desk-sized screen at the console, with the admin API answered by
    /// <paramref name="api"/> (sign-in still goes to the service), or by the service itself when it is null.
    /// </summary>
    public async Task<IPage> OpenAsync(AdminApiStub? api, int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        if (api is not null)
        {
            await api.InstallAsync(page);
        }

        await page.GotoAsync(AdminAddress.ToString());
        return page;
    }

    /// <summary>Signs in through the form with the seed password; waits for the console or the refusal.</summary>
    public static async Task SignInAsync(IPage page, string user = StaffApi.Admin)
    {
        await page.GetByLabel("账号").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(StaffApi.SeedPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("#work-view:not([hidden]), #refusal-view:not([hidden])")).ToBeVisibleAsync();
    }

    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name), FullPage = true });
    }
}
