using CitizenBot.Bot.Tests.Admin;
using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenBot.Bot.Tests.AdminConsole;

/// <summary>
/// The console against the real admin API, nothing stubbed: residents ask about a topic the base lacks, an admin
/// mines from the page, accepts the topic as a new entry there, and the next resident asking about it is answered.
/// </summary>
public sealed class AdminConsoleEndToEndTests(AdminConsoleFixture fixture) : IClassFixture<AdminConsoleFixture>
{
    [Fact]
    public async Task AdminAcceptsAMinedTopicInThePage_AndTheNextResidentQuestionOnItIsAnswered()
    {
        using var client = fixture.Factory.CreateSocketClient();
        await NewTopicStream.ReplayAsync(client, "console-e2e");
        var before = await new ChatUser(client, "console-e2e-before", "居民").SayPrivatelyAsync(NewTopicStream.HeldBack[0]);
        Assert.Null(before.EntryId);

        var page = await fixture.OpenAsync(api: null);
        await AdminConsoleFixture.SignInAsync(page);
        await page.GotoAsync(fixture.AdminAddress + "#/review");
        await page.GetByRole(AriaRole.Button, new() { Name = "立即挖掘" }).ClickAsync();

        var topic = page.Locator("article.topic").Filter(new() { HasText = NewTopicStream.Word }).First;
        await Expect(topic).ToBeVisibleAsync();
        await AdminConsoleFixture.SaveScreenshotAsync(page, "e2e-review.png");
        await topic.GetByRole(AriaRole.Button, new() { Name = "新建条目" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "由主题新建条目" })).ToBeVisibleAsync();
        await page.GetByLabel("标题").FillAsync(NewTopicStream.AcceptedTitle);
        await page.GetByLabel("答案（Markdown）").FillAsync(NewTopicStream.AcceptedAnswer);
        await page.Locator("#editor").GetByLabel("分类").FillAsync(NewTopicStream.AcceptedCategory);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建并发布" }).ClickAsync();
        await Expect(page.Locator("#editor-meta [data-field=status]")).ToHaveTextAsync("已发布");
        await AdminConsoleFixture.SaveScreenshotAsync(page, "e2e-accepted.png");

        var after = await new ChatUser(client, "console-e2e-after", "居民").SayPrivatelyAsync(NewTopicStream.HeldBack[0]);
        Assert.NotNull(after.EntryId);
        Assert.Contains(NewTopicStream.AcceptedTitle, after.AllText, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
