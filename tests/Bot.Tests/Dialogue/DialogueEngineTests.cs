using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Bot.Tests.Dialogue;

/// <summary>
/// The dialogue engine without any channel: messages handed straight to <see cref="ChatGateway"/> of a real host
/// (seed knowledge base, real SQLite files).
/// </summary>
public sealed class DialogueEngineTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    private const string Group = "grp-xyz-02-01";
    private int _sequence;

    private ChatGateway Gateway
    {
        get
        {
            _ = service.Client;
            return service.Factory.Services.GetRequiredService<ChatGateway>();
        }
    }

    [Fact]
    public async Task ReceiveAsync_AsksForTheCommunity_WhenAPrivateComplaintHasNoGroup()
    {
        var sender = NewSender();
        var start = await PrivatelyAsync(sender, "楼道灯坏了");
        Assert.Contains("哪个社区", Text(start), StringComparison.Ordinal);

        var located = await PrivatelyAsync(sender, "西于庄社区");
        Assert.DoesNotContain("哪个社区", Text(located), StringComparison.Ordinal);
        Assert.Contains("位置", Text(located), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_OffersTheCategoryGroups_WhenNothingInTheReportNamesOne()
    {
        var sender = NewSender();
        var start = await PrivatelyAsync(sender, "我要投诉");
        var reply = Assert.Single(start.Replies);
        Assert.Contains("哪方面", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Choices.Count >= 10);

        // A group number narrows to its items; an item number picks one.
        var items = await PrivatelyAsync(sender, "5");
        Assert.Contains("哪一类", Text(items), StringComparison.Ordinal);
        var picked = await PrivatelyAsync(sender, "1");
        Assert.DoesNotContain("哪一类", Text(picked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_TakesAPlainOkAtTheConfirmation_AsYes()
    {
        var sender = NewSender();
        await InGroupAsync(sender, "@百事通 5号楼1单元下水道堵了");
        string last = string.Empty;
        foreach (var answer in new[] { "不急", "13800000005", "没有" })
        {
            last = Text(await PrivatelyAsync(sender, answer));
        }

        Assert.Contains("核对", last, StringComparison.Ordinal);
        var filed = await PrivatelyAsync(sender, "好的");
        Assert.Contains(filed.Replies, r => r.TicketNumber is not null);
    }

    [Fact]
    public async Task ReceiveAsync_HandlesAMessageOnce_WhenItArrivesTwiceAtTheSameTime()
    {
        var sender = NewSender();
        var message = new InboundMessage("engine", PrivateThreads.IdOf(sender), ConversationType.Private, sender, "居民", "养老金什么时候发", [], "same-id-" + sender, DateTimeOffset.UnixEpoch);

        var receipts = await Task.WhenAll(Gateway.ReceiveAsync(message, CancellationToken.None), Gateway.ReceiveAsync(message, CancellationToken.None));

        Assert.Single(receipts, r => !r.Duplicate);
        Assert.Single(receipts, r => r.Duplicate && r.Replies.Count == 0);
    }

    [Fact]
    public async Task ReceiveAsync_InAGroup_TakesOnlyAnswersToItsOwnQuestionWithoutAMention()
    {
        var sender = NewSender();
        var offered = await InGroupAsync(sender, "@百事通 补贴");
        if (offered.Replies.Single().Choices.Count < 2)
        {
            // The seed base answers or abstains on this one now: nothing is pending, so group talk is ignored either way.
            Assert.Empty((await InGroupAsync(sender, "2")).Replies);
            return;
        }

        Assert.Empty((await InGroupAsync(sender, "大家吃了吗")).Replies);
        var picked = await InGroupAsync(sender, "2");
        Assert.NotNull(Assert.Single(picked.Replies).EntryId);
    }

    private string NewSender() => "eng-" + Guid.NewGuid().ToString("N")[..10];

    private Task<ChatReceipt> PrivatelyAsync(string sender, string text) =>
        Gateway.ReceiveAsync(new InboundMessage("engine", PrivateThreads.IdOf(sender), ConversationType.Private, sender, "居民", text, [], $"{sender}-{Interlocked.Increment(ref _sequence)}", DateTimeOffset.UnixEpoch), CancellationToken.None);

    private Task<ChatReceipt> InGroupAsync(string sender, string text) =>
        Gateway.ReceiveAsync(new InboundMessage("engine", Group, ConversationType.Group, sender, "居民", text, [], $"{sender}-{Interlocked.Increment(ref _sequence)}", DateTimeOffset.UnixEpoch), CancellationToken.None);

    private static string Text(ChatReceipt receipt) => string.Join("\n", receipt.Replies.Select(r => r.Text));
}
