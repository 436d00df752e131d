using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Tests.Infrastructure;
using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Bot.Tests.Dialogue.Recording;

/// <summary>
/// Questions asked through <c>POST /api/chat/messages</c> on the real host end up in <c>questions.db</c>: scrubbed,
/// with their decision, and marked by what the resident did next.
/// </summary>
public sealed class QuestionRecordingTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    private const string Group = "grp-xyz-01-01";

    private QuestionLogStore Log => service.Factory.Services.GetRequiredService<QuestionLogStore>();

    [Fact]
    public async Task Question_IsStoredScrubbed_WithItsDecisionAndEntry()
    {
        var resident = NewResident();
        var replies = await resident.SayInGroupAsync(Group, "@百事通 我叫王小明 电话13800000000 暖气不热找谁");

        var row = Assert.Single(await RowsOfAsync(resident));
        Assert.DoesNotContain("王小明", row.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", row.Text, StringComparison.Ordinal);
        Assert.Contains("暖气不热找谁", row.Text, StringComparison.Ordinal);
        Assert.Equal(ConversationKind.Group, row.Kind);
        Assert.Equal("api", row.Channel);
        Assert.NotNull(replies.EntryId);
        Assert.Equal(SearchDecision.Answer, row.Decision);
        Assert.Equal(replies.EntryId, row.EntryId);
        Assert.InRange(row.Confidence, 0.0, 1.0);

        // Nor anywhere in the file: the database and its write-ahead log.
        foreach (var path in new[] { Log.DatabasePath, Log.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await ReadSharedAsync(path);
            Assert.Equal(-1, bytes.AsSpan().IndexOf("王小明"u8));
            Assert.Equal(-1, bytes.AsSpan().IndexOf("13800000000"u8));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(resident.SenderId)));
        }
    }

    [Fact]
    public async Task HandoffRequest_AfterAnAbstain_MarksTheAbstainedQuestion()
    {
        var resident = NewResident();
        var abstained = await resident.SayInGroupAsync(Group, "@百事通 火星上能种土豆吗");
        Assert.Contains("没有找到", abstained.AllText, StringComparison.Ordinal);
        await resident.SayInGroupAsync(Group, "@百事通 转人工");

        var row = Assert.Single(await RowsOfAsync(resident));
        Assert.Equal(SearchDecision.Abstain, row.Decision);
        Assert.True(row.FollowedByHandoff);
    }

    [Fact]
    public async Task ClarifyPick_RecordsTheChosenEntry_OnTheClarifiedQuestion()
    {
        var question = await FindClarifiedQuestionAsync();
        var resident = NewResident();
        await resident.SayInGroupAsync(Group, "@百事通 " + question);
        var picked = await resident.SayInGroupAsync(Group, "2");
        Assert.NotNull(picked.EntryId);

        var row = Assert.Single(await RowsOfAsync(resident));
        Assert.Equal(SearchDecision.Clarify, row.Decision);
        Assert.Equal(picked.EntryId, row.EntryId);
    }

    [Fact]
    public async Task SecondQuestion_AfterAnAbstain_MarksTheFirstRephrased()
    {
        var resident = NewResident();
        await resident.SayInGroupAsync(Group, "@百事通 火星上能种土豆吗");
        await resident.SayInGroupAsync(Group, "@百事通 火星种菜可以吗");

        var rows = await RowsOfAsync(resident);
        Assert.Equal([true, false], rows.Select(r => r.Rephrased));
    }

    private ChatUser NewResident() => new(service.Client, "r-" + Guid.NewGuid().ToString("N")[..12], "居民");

    private async Task<List<LoggedQuestion>> RowsOfAsync(ChatUser resident)
    {
        await Log.FlushAsync(CancellationToken.None);
        var key = Log.KeyOf(ResidentIds.Of(resident.Channel, resident.SenderId));
        var rows = new List<LoggedQuestion>();
        await foreach (var row in Log.ListAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue.AddYears(-1), null, null, CancellationToken.None))
        {
            if (row.ResidentKey == key)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A short seed-base question the retriever answers with numbered choices.</summary>
    private async Task<string> FindClarifiedQuestionAsync()
    {
        foreach (var candidate in (string[])["补贴", "养老", "物业费", "医保报销", "居住证", "低保申请", "暖气费", "办证", "社保怎么交"])
        {
            var search = await service.Client.GetFromJsonAsync<JsonElement>("/api/knowledge/search?q=" + Uri.EscapeDataString(candidate));
            if (search.GetProperty("decision").GetString() is "clarify")
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No candidate question is clarified by the seed knowledge base.");
    }
}
