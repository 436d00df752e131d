using System.Net.Http.Json;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Chat;

/// <summary>
/// The scripted conversation through the HTTP channel, over real Kestrel with the seed knowledge base: asking,
/// choosing, abstaining, small talk, complaints (two residents interleaved in one group), corrections, cancelling,
/// emergencies, progress, handoff to the grid worker in the group and back, and the rating after resolution.
/// </summary>
public sealed class ChatConversationTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    private const string Group = "grp-xyz-01-01";
    private const string WorkerSender = "wx-w-xyz-01-01";

    private HttpClient Client => service.Client;

    [Fact]
    public async Task Question_IsAnsweredWithCitedEntry_MentioningTheResident()
    {
        var resident = NewResident("张阿姨");
        var replies = await resident.SayInGroupAsync(Group, "@百事通 暖气不热找谁");

        var reply = Assert.Single(replies.In(Group));
        Assert.Contains(resident.SenderId, reply.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
        Assert.NotNull(replies.EntryId);
        Assert.Contains("来源", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_ShowsTheResidentsMessageWithItsId_ThenTheBotsAnswer()
    {
        var resident = NewResident("孙先生");
        await using var events = await ConversationEvents.OpenAsync(Client, Group);
        await resident.SayInGroupAsync(Group, "@百事通 低保怎么申请", "stream-" + resident.SenderId);

        var own = await events.WaitForAsync(e => e.GetProperty("senderId").GetString() == resident.SenderId);
        Assert.Equal("stream-" + resident.SenderId, own.GetProperty("messageId").GetString());
        Assert.False(own.GetProperty("fromBot").GetBoolean());
        var answer = await events.WaitForAsync(e => e.GetProperty("fromBot").GetBoolean()
            && e.GetProperty("mentions").EnumerateArray().Any(m => m.GetString() == resident.SenderId));
        Assert.Equal(JsonValueKind.String, answer.GetProperty("entryId").ValueKind);
    }

    [Fact]
    public async Task GroupTalk_NotAddressedToTheBot_GetsNoReply()
    {
        var resident = NewResident("李大爷");
        var replies = await resident.SayInGroupAsync(Group, "今天楼下菜市场的西红柿真便宜");
        Assert.Empty(replies.All);
    }

    [Fact]
    public async Task SmallTalk_GetsAFriendlyReply_NotAKnowledgeGuess()
    {
        var resident = NewResident("小王");
        var replies = await resident.SayInGroupAsync(Group, "@百事通 你好");
        Assert.Null(replies.EntryId);
        Assert.Contains("您好", replies.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clarify_OffersNumberedChoices_AndTheNumberAnswersWithThatEntry()
    {
        var question = await FindQuestionWithDecisionAsync("clarify");
        var resident = NewResident("刘姐");
        var offered = await resident.SayInGroupAsync(Group, "@百事通 " + question);
        var choices = offered.Choices(Group);
        Assert.InRange(choices.Count, 2, 3);

        // A reply to the bot's own question needs no @mention.
        var picked = await resident.SayInGroupAsync(Group, "2");
        Assert.NotNull(picked.EntryId);
        Assert.Contains("来源", picked.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoAbstainsInARow_OfferAHumanUnprompted()
    {
        var resident = NewResident("赵叔");
        var first = await resident.SayInGroupAsync(Group, "@百事通 火星上能种土豆吗");
        Assert.Contains("没有找到", first.AllText, StringComparison.Ordinal);
        var second = await resident.SayInGroupAsync(Group, "@百事通 比特币怎么挖矿");
        Assert.Contains("转人工", second.Choices(Group));
        Assert.Contains("网格员", second.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emergency_GetsTheEmergencyNumbersFirst()
    {
        var resident = NewResident("孙奶奶");
        var replies = await resident.SayInGroupAsync(Group, "@百事通 楼道里煤气味很大，好像燃气泄漏了");
        var first = replies.All[0].GetProperty("text").GetString()!;
        Assert.Contains("119", first, StringComparison.Ordinal);
        Assert.Contains("燃气", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaint_InGroup_ContinuesPrivately_WithoutRepeatingDetails_AndFilesATicket()
    {
        var resident = NewResident("周先生");
        var start = await resident.SayInGroupAsync(Group, "@百事通 3号楼2单元下水道堵了 电话13800000000");

        var groupText = start.TextIn(Group);
        Assert.Contains("私聊", groupText, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", groupText, StringComparison.Ordinal);
        Assert.DoesNotContain("3号楼", groupText, StringComparison.Ordinal);
        Assert.NotEmpty(start.In(resident.PrivateThread));

        var confirmation = await AnswerUntilConfirmationAsync(resident, start);
        Assert.Contains("3号楼", confirmation, StringComparison.Ordinal);
        Assert.Contains("138****0000", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", confirmation, StringComparison.Ordinal);

        // A correction at the confirmation changes the draft, and the summary is shown again.
        var corrected = await resident.SayPrivatelyAsync("不对，是5号楼");
        Assert.Contains("5号楼", corrected.AllText, StringComparison.Ordinal);

        var filed = await resident.SayPrivatelyAsync("确认");
        var number = filed.TicketNumber;
        Assert.NotNull(number);
        Assert.Contains(number, filed.TextIn(resident.PrivateThread), StringComparison.Ordinal);
        Assert.Contains(number, filed.TextIn(Group), StringComparison.Ordinal);

        var ticket = await GetTicketAsync(number);
        Assert.Equal("drainage.blocked-sewer", ticket.GetProperty("category").GetProperty("id").GetString());
        Assert.Contains("5号楼", ticket.GetProperty("location").GetProperty("address").GetString(), StringComparison.Ordinal);
        Assert.Equal("api:" + resident.SenderId, ticket.GetProperty("reporter").GetProperty("channelUserId").GetString());
        Assert.Equal("138****0000", ticket.GetProperty("reporter").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task TwoResidents_FilingAtOnceInOneGroup_NeverMix()
    {
        var a = NewResident("居民甲");
        var b = NewResident("居民乙");
        var startA = await a.SayInGroupAsync(Group, "@百事通 3号楼2单元下水道堵了");
        var startB = await b.SayInGroupAsync(Group, "@百事通 7号楼楼道灯坏了");

        // Interleave: one answer each, in turn, until both reach their confirmation.
        string? lastA = startA.TextIn(a.PrivateThread), lastB = startB.TextIn(b.PrivateThread);
        for (var turn = 0; turn < 8 && !(IsConfirmation(lastA) && IsConfirmation(lastB)); turn++)
        {
            if (!IsConfirmation(lastA))
            {
                lastA = (await a.SayPrivatelyAsync(AnswerTo(lastA, "13800000001"))).TextIn(a.PrivateThread);
            }

            if (!IsConfirmation(lastB))
            {
                lastB = (await b.SayPrivatelyAsync(AnswerTo(lastB, "022-26881234"))).TextIn(b.PrivateThread);
            }
        }

        Assert.Contains("3号楼", lastA, StringComparison.Ordinal);
        Assert.Contains("7号楼", lastB, StringComparison.Ordinal);
        var numberB = (await b.SayPrivatelyAsync("确认")).TicketNumber;
        var numberA = (await a.SayPrivatelyAsync("确认")).TicketNumber;
        Assert.NotNull(numberA);
        Assert.NotNull(numberB);
        Assert.NotEqual(numberA, numberB);

        var ticketA = await GetTicketAsync(numberA);
        var ticketB = await GetTicketAsync(numberB);
        Assert.Equal("drainage.blocked-sewer", ticketA.GetProperty("category").GetProperty("id").GetString());
        Assert.Equal("property.stairwell-light", ticketB.GetProperty("category").GetProperty("id").GetString());
        Assert.Equal("138****0001", ticketA.GetProperty("reporter").GetProperty("phone").GetString());
        Assert.Equal("022-****1234", ticketB.GetProperty("reporter").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Cancel_AtAnyStep_DropsTheForm()
    {
        var resident = NewResident("吴阿姨");
        await resident.SayInGroupAsync(Group, "@百事通 楼上装修太吵了");
        var cancelled = await resident.SayPrivatelyAsync("取消");
        Assert.Contains("已取消", cancelled.AllText, StringComparison.Ordinal);

        // The next message is read afresh, not as a form answer.
        var next = await resident.SayPrivatelyAsync("你好");
        Assert.Contains("您好", next.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_ListsOnlyTheResidentsOwnTickets_Privately()
    {
        var resident = NewResident("郑先生");
        var number = await FileComplaintAsync(resident, "@百事通 小区东门井盖丢了", "13800000002");

        var asked = await resident.SayInGroupAsync(Group, "@百事通 我的诉求到哪了");
        Assert.DoesNotContain(number, asked.TextIn(Group), StringComparison.Ordinal);
        var listed = asked.TextIn(resident.PrivateThread);
        Assert.Contains(number, listed, StringComparison.Ordinal);
        Assert.Contains("待受理", listed, StringComparison.Ordinal);

        var stranger = NewResident("路人");
        var refused = await stranger.SayPrivatelyAsync($"{number} 到哪了");
        Assert.Contains("没有找到您名下的工单", refused.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handoff_InGroup_MentionsTheWorker_WhoAnswersThere_AndHandsBack()
    {
        var resident = NewResident("钱大妈");
        var worker = new ChatUser(Client, WorkerSender, "刘桂英");
        var asked = await resident.SayInGroupAsync(Group, "@百事通 转人工");
        var call = Assert.Single(asked.In(Group));
        var mentions = call.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()).ToArray();
        Assert.Contains(WorkerSender, mentions);
        Assert.Contains(resident.SenderId, mentions);
        var number = asked.TicketNumber!;

        // The worker answers in the group: the handoff is taken and the bot stays out of it.
        var answered = await worker.SayInGroupAsync(Group, $"@{resident.Name} 您好，我是网格员刘桂英，您说。");
        Assert.Empty(answered.All);
        var ticket = await GetTicketAsync(number);
        Assert.Equal("accepted", ticket.GetProperty("status").GetString());
        Assert.Empty((await resident.SayInGroupAsync(Group, "我家楼下的自行车棚能不能修一下")).All);

        var handedBack = await worker.SayInGroupAsync(Group, "已经解答完毕，交还百事通");
        Assert.Contains(resident.SenderId, handedBack.All.SelectMany(r => r.GetProperty("mentions").EnumerateArray()).Select(m => m.GetString()));
        Assert.Equal("resolved", (await GetTicketAsync(number)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Handoff_InPrivate_RelaysTheResident_AndTheWorkersReplyArrivesOnTheStream()
    {
        var resident = NewResident("冯先生");
        await resident.SayInGroupAsync(Group, "@百事通 你好");
        var asked = await resident.SayPrivatelyAsync("找网格员");
        var number = asked.TicketNumber!;
        Assert.Contains("网格员", asked.AllText, StringComparison.Ordinal);

        await resident.SayPrivatelyAsync("我想问问老房子加装电梯的事");
        using var staff = await service.Factory.SignInAsync(StaffApi.GridWorker);
        var ticket = await GetTicketAsync(number);
        Assert.Contains(ticket.GetProperty("events").EnumerateArray(), e => e.TryGetProperty("note", out var note) && note.GetString()?.Contains("加装电梯", StringComparison.Ordinal) == true);

        await using var events = await ConversationEvents.OpenAsync(Client, resident.PrivateThread);
        (await staff.ActAsync(number, "accept")).EnsureSuccessStatusCode();
        (await staff.ActAsync(number, "replies", "加装电梯需要全体业主同意，我明天上门细说。")).EnsureSuccessStatusCode();
        var reply = await events.WaitForAsync(e => e.GetProperty("text").GetString()!.Contains("上门细说", StringComparison.Ordinal));
        Assert.True(reply.GetProperty("fromBot").GetBoolean());
    }

    [Fact]
    public async Task Resolved_Complaint_AsksForARating_AndDissatisfiedBlowsTheSecondWhistle()
    {
        var resident = NewResident("陈女士");
        var number = await FileComplaintAsync(resident, "@百事通 6号楼门口垃圾堆积没人清", "13800000003");

        await using var events = await ConversationEvents.OpenAsync(Client, resident.PrivateThread);
        using var staff = await service.Factory.SignInAsync(StaffApi.GridWorker);
        (await staff.ActAsync(number, "accept")).EnsureSuccessStatusCode();
        (await staff.ActAsync(number, "resolve", "已联系环卫清运。")).EnsureSuccessStatusCode();
        var request = await events.WaitForAsync(e => e.GetProperty("text").GetString()!.Contains("评价", StringComparison.Ordinal));
        Assert.Contains("不满意", request.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("reply").GetString()));

        var rated = await resident.SayPrivatelyAsync("不满意");
        Assert.Contains("二次哨", rated.AllText, StringComparison.Ordinal);
        var ticket = await GetTicketAsync(number);
        Assert.Contains(ticket.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "secondWhistle");
    }

    [Fact]
    public async Task DuplicateDelivery_OfOneMessageId_IsIgnored()
    {
        var resident = NewResident("韩先生");
        var first = await resident.SayInGroupAsync(Group, "@百事通 居住证怎么办理", "dup-1-" + resident.SenderId);
        var second = await resident.SayInGroupAsync(Group, "@百事通 居住证怎么办理", "dup-1-" + resident.SenderId);
        Assert.False(first.Duplicate);
        Assert.NotEmpty(first.All);
        Assert.True(second.Duplicate);
        Assert.Empty(second.All);
    }

    private ChatUser NewResident(string name) => new(Client, "r-" + Guid.NewGuid().ToString("N")[..12], name);

    private async Task<string> FileComplaintAsync(ChatUser resident, string report, string phone)
    {
        var start = await resident.SayInGroupAsync(Group, report);
        var last = start.TextIn(resident.PrivateThread);
        for (var turn = 0; turn < 8 && !IsConfirmation(last); turn++)
        {
            last = (await resident.SayPrivatelyAsync(AnswerTo(last, phone))).TextIn(resident.PrivateThread);
        }

        return (await resident.SayPrivatelyAsync("确认")).TicketNumber ?? throw new InvalidOperationException("No ticket number: " + last);
    }

    private static async Task<string> AnswerUntilConfirmationAsync(ChatUser resident, ChatReplies start)
    {
        var last = start.TextIn(resident.PrivateThread);
        for (var turn = 0; turn < 8 && !IsConfirmation(last); turn++)
        {
            last = (await resident.SayPrivatelyAsync(AnswerTo(last, "13800000000"))).TextIn(resident.PrivateThread);
        }

        Assert.True(IsConfirmation(last), last);
        return last;
    }

    private static bool IsConfirmation(string text) => text.Contains("核对", StringComparison.Ordinal);

    /// <summary>What a resident answers to the bot's form question.</summary>
    private static string AnswerTo(string question, string phone) =>
        question.Contains("哪一类", StringComparison.Ordinal) || question.Contains("哪方面", StringComparison.Ordinal) ? "1"
        : question.Contains("哪个社区", StringComparison.Ordinal) ? "子牙社区"
        : question.Contains("位置", StringComparison.Ordinal) ? "3号楼2单元"
        : question.Contains("描述", StringComparison.Ordinal) ? "一直没人处理"
        : question.Contains("紧急", StringComparison.Ordinal) ? "不急"
        : question.Contains("电话", StringComparison.Ordinal) ? phone
        : question.Contains("照片", StringComparison.Ordinal) ? "没有"
        : "确认";

    private async Task<JsonElement> GetTicketAsync(string number)
    {
        using var staff = await service.Factory.SignInAsync(StaffApi.District);
        return await staff.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
    }

    private async Task<string> FindQuestionWithDecisionAsync(string decision)
    {
        string[] candidates = ["补贴", "怎么办理证明", "社保怎么交", "养老", "物业费", "医保报销", "居住证", "低保申请", "暖气费", "办证"];
        foreach (var candidate in candidates)
        {
            var result = await Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/search?q={Uri.EscapeDataString(candidate)}");
            if (result.GetProperty("decision").GetString() == decision)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"None of the candidate questions gets '{decision}' from the seed knowledge base.");
    }
}
