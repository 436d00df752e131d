using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CitizenBot.Bot.Tests.WebChat;

/// <summary>
/// The real service on a loopback port with its own data directory, and Debian's Chromium driven by Playwright, as
/// for the console. One per test class; each page gets its own browser context, so each is its own resident (the
/// sender id lives in sessionStorage).
/// </summary>
public sealed class WebChatFixture : BrowserServiceFixture
{
    /// <summary>Where the chat is served, e.g. <c>http://127.0.0.1:41234/chat/</c>.</summary>
    public Uri ChatAddress => new(Factory.ServerAddress, "chat/");

    /// <summary>Screenshots for the humans reviewing a run; under the test output folder, never committed.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "webchat-screenshots");

    /// <summary>
    /// A fresh browser context (a new resident) on a phone-sized screen. With <paramref name="routes"/> the page's
    /// API calls can be answered by the test before the page loads; without, they reach the service.
    /// </summary>
    public async Task<IPage> OpenChatAsync(int width = 390, int height = 780, Func<IPage, Task>? routes = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            HasTouch = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        if (routes is not null)
        {
            await routes(page);
        }

        await page.GotoAsync(ChatAddress.ToString());
        return page;
    }

    /// <summary>Joins a group through the form, as a resident with a display name or as the group's grid worker.</summary>
    public static async Task JoinAsync(IPage page, string groupName, string? displayName, bool asWorker = false)
    {
        await page.GetByLabel("居民群").SelectOptionAsync(new SelectOptionValue { Label = groupName });
        if (asWorker)
        {
            await page.GetByLabel("以网格员身份加入").CheckAsync();
        }
        else
        {
            await page.GetByLabel("群昵称").FillAsync(displayName ?? "居民");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "进入群聊" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chat-title")).ToHaveTextAsync(groupName);
    }

    /// <summary>This tab's resident id, as the page made it.</summary>
    public static async Task<string> SenderIdAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => sessionStorage.getItem('citizenbot.chat.sender')");

    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name) });
    }
}
