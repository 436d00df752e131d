using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenBot.Bot.Tests.WebChat;

/// <summary>
/// Residents talking to the real bot through the chat page: the page posts to the real chat API and shows what the
/// conversations' streams bring. The dialogue's wording is the engine's; these tests answer whatever it asks.
/// </summary>
public sealed class WebChatConversationTests(WebChatFixture chat) : IClassFixture<WebChatFixture>
{
    private const string GroupName = "子牙社区第1网格居民群";
    private const int MaxTurns = 12;

    [Fact]
    public async Task Question_InGroup_IsAnsweredMentioningTheResident_WithItsSource()
    {
        var page = await chat.OpenChatAsync();
        await WebChatFixture.JoinAsync(page, GroupName, "张阿姨");
        var me = await WebChatFixture.SenderIdAsync(page);

        var replies = await SendAsync(page, "group", "@百事通 暖气不热找谁");

        var reply = Assert.Single(replies);
        Assert.Contains(me, reply.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
        var answer = page.Locator("#pane-group li.msg.bot[data-to-me=true]");
        await Expect(answer).ToHaveCountAsync(1);
        await Expect(answer.Locator(".at-you")).ToHaveTextAsync("@你");
        await Expect(answer.Locator(".source")).ToHaveTextAsync($"来源：{reply.GetProperty("entryId").GetString()}");
        await Expect(page.Locator("#pane-group li.msg.own")).ToHaveCountAsync(1);
        await Expect(page.Locator("#pane-group li.msg.own .text")).ToHaveTextAsync("@百事通 暖气不热找谁");
        await WebChatFixture.SaveScreenshotAsync(page, "answer.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoResidents_FilingAtOnceInOneGroup_EachGetTheirOwnTicket_ThroughTheirOwnPrivateThread()
    {
        var pageA = await chat.OpenChatAsync();
        var pageB = await chat.OpenChatAsync();
        await WebChatFixture.JoinAsync(pageA, GroupName, "居民甲");
        await WebChatFixture.JoinAsync(pageB, GroupName, "居民乙");
        var idA = await WebChatFixture.SenderIdAsync(pageA);
        var idB = await WebChatFixture.SenderIdAsync(pageB);
        Assert.NotEqual(idA, idB);

        var filings = await Task.WhenAll(
            FileComplaintAsync(pageA, "@百事通 3号楼2单元下水道堵了"),
            FileComplaintAsync(pageB, "@百事通 楼道灯坏了"));
        var (numberA, numberB) = (filings[0], filings[1]);

        Assert.NotEqual(numberA, numberB);
        await Expect(pageA.Locator("#pane-private .ticket strong").Last).ToHaveTextAsync(numberA);
        await Expect(pageB.Locator("#pane-private .ticket strong").Last).ToHaveTextAsync(numberB);
        // Each private thread is its resident's alone, and the group never shows the phone number.
        foreach (var (page, own, other, otherNumber) in new[] { (pageA, idA, idB, numberB), (pageB, idB, idA, numberA) })
        {
            Assert.All(await page.Locator("#pane-private li.msg").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.conversation)"),
                conversation => Assert.Equal($"dm-{own}", conversation));
            await Expect(page.Locator("#pane-private")).Not.ToContainTextAsync(otherNumber);
            await Expect(page.Locator($"#pane-private li[data-conversation='dm-{other}']")).ToHaveCountAsync(0);
            await Expect(page.Locator("#pane-group")).Not.ToContainTextAsync("13800000000");
        }

        await WebChatFixture.SaveScreenshotAsync(pageA, "private-thread.png");
        await pageA.Context.CloseAsync();
        await pageB.Context.CloseAsync();
    }

    /// <summary>Starts a complaint in the group and answers the bot, wherever it asks, until it names a ticket.</summary>
    private static async Task<string> FileComplaintAsync(IPage page, string opening)
    {
        var replies = await SendAsync(page, "group", opening);
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            var filed = replies.Select(r => r.TryGetProperty("ticketNumber", out var n) ? n.GetString() : null).FirstOrDefault(n => n is not null);
            if (filed is not null)
            {
                return filed;
            }

            Assert.NotEmpty(replies);
            // The bot moves to the private thread for personal details; what it asks there is the open question.
            var question = replies.LastOrDefault(r => r.GetProperty("conversationType").GetString() == "private");
            var pane = question.ValueKind == JsonValueKind.Undefined ? "group" : "private";
            if (pane == "group")
            {
                question = replies[^1];
            }

            replies = question.GetProperty("choices").GetArrayLength() > 0
                ? await TapFirstChoiceAsync(page, pane, question.GetProperty("conversationId").GetString()!)
                : await SendAsync(page, pane, AnswerTo(question.GetProperty("text").GetString()!));
        }

        Assert.Fail($"No ticket after {MaxTurns} answers.");
        return "";
    }

    private static string AnswerTo(string question) =>
        question.Contains("电话", StringComparison.Ordinal) || question.Contains("手机", StringComparison.Ordinal) ? "13800000000"
        : question.Contains("紧急", StringComparison.Ordinal) || question.Contains("急", StringComparison.Ordinal) ? "不急"
        : question.Contains("照片", StringComparison.Ordinal) || question.Contains("图片", StringComparison.Ordinal) ? "没有"
        : question.Contains("哪个社区", StringComparison.Ordinal) ? "子牙社区"
        : question.Contains("位置", StringComparison.Ordinal) || question.Contains("地址", StringComparison.Ordinal) ? "3号楼2单元"
        : question.Contains("描述", StringComparison.Ordinal) ? "一直没人处理"
        : "确认";

    private static async Task ShowPaneAsync(IPage page, string pane)
    {
        var tab = page.Locator($"#tab-{pane}");
        if (await tab.GetAttributeAsync("aria-selected") != "true")
        {
            await tab.ClickAsync();
        }

        await Expect(page.Locator($"#pane-{pane}")).ToBeVisibleAsync();
    }

    /// <summary>Types and sends in a pane; returns the bot's replies once the page shows every one of them.</summary>
    private static async Task<JsonElement[]> SendAsync(IPage page, string pane, string text)
    {
        await ShowPaneAsync(page, pane);
        await page.Locator("#composer-text").FillAsync(text);
        return await PostAndShowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "发送", Exact = true }).ClickAsync());
    }

    private static async Task<JsonElement[]> TapFirstChoiceAsync(IPage page, string pane, string conversationId)
    {
        await ShowPaneAsync(page, pane);
        var choice = page.Locator($"#pane-{pane} li.msg.bot[data-conversation='{conversationId}'][data-to-me=true]").Last.Locator(".choices button").First;
        return await PostAndShowAsync(page, () => choice.ClickAsync());
    }

    private static async Task<JsonElement[]> PostAndShowAsync(IPage page, Func<Task> send)
    {
        var response = await page.RunAndWaitForResponseAsync(send,
            r => r.Request.Method == "POST" && r.Url.EndsWith("/api/chat/messages", StringComparison.Ordinal));
        var body = await response.TextAsync();
        Assert.True(response.Status == 200, body);
        var replies = JsonDocument.Parse(body).RootElement.GetProperty("replies").EnumerateArray().Select(r => r.Clone()).ToArray();
        foreach (var reply in replies)
        {
            var conversation = reply.GetProperty("conversationId").GetString()!;
            var firstLine = reply.GetProperty("text").GetString()!.Split('\n')[0];
            var shown = page.Locator($"li.msg.bot[data-conversation='{conversation}'] .text")
                .Filter(new() { HasText = firstLine[..Math.Min(firstLine.Length, 12)] });
            await Expect(shown).Not.ToHaveCountAsync(0);
        }

        return replies;
    }
}
