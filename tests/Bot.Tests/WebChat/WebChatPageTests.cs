using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenBot.Bot.Tests.WebChat;

/// <summary>
/// The chat page's own behaviour in a real browser, served by the real host, with the chat API answered by
/// <see cref="ChatApiStub"/>: what it does with markup, choices, its own echo, a refused or lost send, the private
/// thread and the worker's identity, none of which depends on what the dialogue engine says.
/// </summary>
public sealed class WebChatPageTests(WebChatFixture chat) : IClassFixture<WebChatFixture>
{
    private const string Me = "web-00000000000000a1";
    private const string Bot = "bot";

    private async Task<(IPage Page, ChatApiStub Api)> OpenAsync(ChatApiStub? api = null, int width = 390, int height = 780)
    {
        api ??= new ChatApiStub();
        api.Open(ChatApiStub.Group);
        var page = await chat.OpenChatAsync(width, height, async p =>
        {
            // The resident's id is fixed so the test can write messages that mention them.
            await p.AddInitScriptAsync($"sessionStorage.setItem('citizenbot.chat.sender', '{Me}')");
            await api.InstallAsync(p);
        });
        return (page, api);
    }

    [Fact]
    public async Task BotMessage_ShowsItsTextAsText_WithSourceTicketAndMention()
    {
        var api = new ChatApiStub();
        api.Add(ChatApiStub.Group, Bot, "百事通", "@小王 <img src=x id=injected> 已为您登记，<b>请留意</b>短信。", fromBot: true,
            mentions: [Me], entryId: "heating-complaint-001", ticketNumber: "HQ-20261122-0007");
        var (page, _) = await OpenAsync(api);
        await WebChatFixture.JoinAsync(page, ChatApiStub.GroupName, "小王");

        var message = page.Locator("#pane-group li.msg.bot");
        await Expect(message.Locator(".text")).ToContainTextAsync("<img src=x id=injected>");
        await Expect(message.Locator(".text")).ToContainTextAsync("<b>请留意</b>");
        await Expect(page.Locator("#injected, .bubble b")).ToHaveCountAsync(0);
        await Expect(message.Locator(".source")).ToHaveTextAsync("来源：heating-complaint-001");
        await Expect(message.Locator(".ticket strong")).ToHaveTextAsync("HQ-20261122-0007");
        await Expect(message.Locator(".at-you")).ToHaveTextAsync("@你");
        await Expect(message.Locator(".at-me")).ToHaveTextAsync("@小王");
        await Expect(message).ToHaveAttributeAsync("data-to-me", "true");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Choice_SendsItsBareReply_ToTheConversationItWasOfferedIn()
    {
        var api = new ChatApiStub();
        api.Add(ChatApiStub.Group, Bot, "百事通", "@小王 您想问的是哪一项？", fromBot: true, mentions: [Me],
            choices: [("1. 供暖温度不达标", "1"), ("2. 暖气漏水", "2")]);
        var (page, _) = await OpenAsync(api);
        await WebChatFixture.JoinAsync(page, ChatApiStub.GroupName, "小王");

        await page.GetByRole(AriaRole.Button, new() { Name = "2. 暖气漏水" }).ClickAsync();

        var own = page.Locator("#pane-group li.msg.own");
        await Expect(own).ToHaveAttributeAsync("data-state", "sent");
        await Expect(own.Locator(".text")).ToHaveTextAsync("2");
        var sent = Assert.Single(api.Sent);
        Assert.Equal("2", sent.GetProperty("text").GetString());
        Assert.Equal(ChatApiStub.Group, sent.GetProperty("conversationId").GetString());
        Assert.Equal("group", sent.GetProperty("conversationType").GetString());
        Assert.Equal("web", sent.GetProperty("channel").GetString());
        Assert.Equal(Me, sent.GetProperty("senderId").GetString());
        Assert.Equal("小王", sent.GetProperty("senderName").GetString());
        // One answer per question: the choices cannot be sent twice by a double tap.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "1. 供暖温度不达标" })).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OwnMessage_ShowsOnce_WhenItEchoesBackOnTheStream()
    {
        var (page, api) = await OpenAsync();
        await WebChatFixture.JoinAsync(page, ChatApiStub.GroupName, "小王");

        await page.GetByRole(AriaRole.Button, new() { Name = "@百事通" }).ClickAsync();
        await page.Locator("#composer-text").PressSequentiallyAsync("楼道灯坏了");
        await page.Keyboard.PressAsync("Enter");

        // The echo has arrived when the bubble carries the stream's id; still one bubble.
        await Expect(page.Locator("#pane-group li.msg.own[data-id]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#pane-group li.msg")).ToHaveCountAsync(1);
        await Expect(page.Locator("#pane-group li.msg.own .text")).ToHaveTextAsync("@百事通 楼道灯坏了");
        await Expect(page.Locator("#composer-text")).ToHaveValueAsync("");
        Assert.Equal("@百事通 楼道灯坏了", Assert.Single(api.Sent).GetProperty("text").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Send_ShowsTheProblem_AndPutsTheTextBack_WhenTheServiceRefusesIt()
    {
        var api = new ChatApiStub
        {
            OnSend = _ => (400, """{"title":"消息无效","status":400,"detail":"消息不能超过 2000 字。"}"""),
        };
        var (page, _) = await OpenAsync(api);
        await WebChatFixture.JoinAsync(page, ChatApiStub.GroupName, "小王");

        await page.Locator("#composer-text").FillAsync("@百事通 小区南门的路灯坏了");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();

        await Expect(page.Locator("#send-error")).ToContainTextAsync("消息不能超过 2000 字。");
        await Expect(page.Locator("#send-error")).ToContainTextAsync("消息无效");
        await Expect(page.Locator("#composer-text")).ToHaveValueAsync("@百事通 小区南门的路灯坏了");
        await Expect(page.Locator("#pane-group li.msg.own")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Send_KeepsTheMessageWithAResendButton_WhenTheNetworkFails_AndSendsItOnRetry()
    {
        var (page, api) = await OpenAsync();
        api.Offline = true;
        await WebChatFixture.JoinAsync(page, ChatApiStub.GroupName, "小王");

        await page.Locator("#composer-text").FillAsync("@百事通 垃圾桶满了");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();

        var own = page.Locator("#pane-group li.msg.own");
        await Expect(page.Locator("#send-error")).ToContainTextAsync("网络连接失败");
        await Expect(own).ToHaveAttributeAsync("data-state", "failed");
        await Expect(own.Locator(".text")).ToHaveTextAsync("@百事通 垃圾桶满了");

        api.Offline = false;
        await own.GetByRole(AriaRole.Button, new() { Name = "发送失败，点击重发" }).ClickAsync();
        await Expect(own).ToHaveAttributeAsync("data-state", "sent");
        await Expect(page.Locator("#send-error")).ToBeHiddenAsync();
        var sent = Assert.Single(api.Sent);
        Assert.Equal("@百事通 垃圾桶满了", sent.GetProperty("text").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PrivateThread_ShowsABadge_WhenTheBotWritesThere_AndSendsPrivately()
    {
        var dm = $"dm-{Me}";
        var api = new ChatApiStub();
        api.OnSend = message =>
        {
            api.Echo(message);
            if (message.GetProperty("conversationId").GetString() != ChatApiStub.Group)
            {
                return (200, """{"duplicate":false,"replies":[]}""");
            }

            // The bot moves to the private thread for the phone number and says so in the group.
            api.Add(ChatApiStub.Group, Bot, "百事通", "@小王 已私信您，请在私聊中补充联系方式。", fromBot: true, mentions: [Me]);
            api.Add(dm, Bot, "百事通", "请问您的联系电话是多少？", fromBot: true);
            return (200, JsonSerializer.Serialize(new
            {
                duplicate = false,
                replies = new[]
                {
                    new { conversationId = ChatApiStub.Group, conversationType = "group", text = "@小王 已私信您，请在私聊中补充联系方式。" },
                    new { conversationId = dm, conversationType = "private", text = "请问您的联系电话是多少？" },
                },
            }));
        };
        var (page, _) = await OpenAsync(api);
        await WebChatFixture.JoinAsync(page, ChatApiStub.GroupName, "小王");

        await page.Locator("#composer-text").FillAsync("@百事通 3号楼下水道堵了");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();

        await Expect(page.Locator("#badge-private")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Tab, new() { Name = "私聊百事通" }).ClickAsync();
        await Expect(page.Locator("#pane-private li.msg.bot .text")).ToHaveTextAsync("请问您的联系电话是多少？");
        await Expect(page.Locator("#badge-private")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "@百事通" })).ToBeHiddenAsync();

        await page.Locator("#composer-text").FillAsync("13800000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Expect(page.Locator("#pane-private li.msg.own")).ToHaveAttributeAsync("data-state", "sent");
        var sent = api.Sent.Last();
        Assert.Equal(dm, sent.GetProperty("conversationId").GetString());
        Assert.Equal("private", sent.GetProperty("conversationType").GetString());
        Assert.Equal("13800000000", sent.GetProperty("text").GetString());
        await Expect(page.Locator("#pane-group")).Not.ToContainTextAsync("13800000000");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task JoinAsWorker_SpeaksAsTheGroupsGridWorker_WithoutAPrivateThread()
    {
        var (page, api) = await OpenAsync();
        await page.GetByLabel("居民群").SelectOptionAsync(new SelectOptionValue { Label = ChatApiStub.GroupName });
        await page.GetByLabel("以网格员身份加入").CheckAsync();
        await Expect(page.Locator("#join-worker-hint")).ToContainTextAsync(ChatApiStub.WorkerName);
        await page.GetByRole(AriaRole.Button, new() { Name = "进入群聊" }).ClickAsync();
        await Expect(page.Locator("#chat-title")).ToHaveTextAsync(ChatApiStub.GroupName);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "私聊百事通" })).ToBeHiddenAsync();

        await page.Locator("#composer-text").FillAsync("各位居民，明天上午停水检修。");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();

        await Expect(page.Locator("#pane-group li.msg.own")).ToHaveAttributeAsync("data-state", "sent");
        var sent = Assert.Single(api.Sent);
        Assert.Equal(ChatApiStub.WorkerId, sent.GetProperty("senderId").GetString());
        Assert.Equal(ChatApiStub.WorkerName, sent.GetProperty("senderName").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Join_SaysWhatIsMissing_WhenNoNameIsGiven()
    {
        var (page, _) = await OpenAsync();
        await page.GetByLabel("居民群").SelectOptionAsync(new SelectOptionValue { Label = ChatApiStub.GroupName });
        await page.GetByRole(AriaRole.Button, new() { Name = "进入群聊" }).ClickAsync();

        await Expect(page.Locator("#join-error")).ToHaveTextAsync("请填写群昵称");
        await Expect(page.Locator("#chat-view")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ChatPage_FitsAPhoneScreen_WithTheInputBarVisible()
    {
        var api = new ChatApiStub();
        var at = new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
        api.Add(ChatApiStub.Group, "web-aa01", "3号楼王阿姨", "@百事通 暖气不热找谁", at: at);
        api.Add(ChatApiStub.Group, Bot, "百事通",
            "@3号楼王阿姨 供暖期室温低于18℃可拨打供热服务热线反映，也可以在这里直接说明楼号和单元，我帮您登记。", fromBot: true,
            mentions: ["web-aa01"], entryId: "heating-complaint-001", at: at.AddMinutes(1));
        api.Add(ChatApiStub.Group, ChatApiStub.WorkerId, ChatApiStub.WorkerName, "王阿姨，我下午过去看看。", at: at.AddMinutes(2));
        api.Add(ChatApiStub.Group, Me, "小王", "@百事通 楼道灯坏了，3号楼2单元一直不亮，晚上下楼很不方便", at: at.AddMinutes(20));
        api.Add(ChatApiStub.Group, Bot, "百事通", "@小王 已为您登记工单，网格员会尽快处理。", fromBot: true, mentions: [Me],
            ticketNumber: "HQ-20261122-0012", choices: [("查看进度", "查进度"), ("不用了", "不用了")], at: at.AddMinutes(21));
        var (page, _) = await OpenAsync(api, width: 375, height: 667);
        await WebChatFixture.JoinAsync(page, ChatApiStub.GroupName, "小王");

        await Expect(page.Locator("#pane-group li.msg")).ToHaveCountAsync(5);
        await Expect(page.Locator("#pane-group li.time")).ToHaveCountAsync(2);
        await Expect(page.Locator("#composer-text")).ToBeInViewportAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "发送" })).ToBeInViewportAsync();
        // The newest message is in view: the list scrolled to its end.
        await Expect(page.Locator("#pane-group li.msg").Last).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.bubble')].every(b => b.getBoundingClientRect().right <= window.innerWidth)"));
        await WebChatFixture.SaveScreenshotAsync(page, "phone-group.png");
        await page.Context.CloseAsync();
    }
}
