using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;
using static CitizenBot.Knowledge.Tests.Mining.QuestionLog.QuestionLogFile;

namespace CitizenBot.Knowledge.Tests.Mining.QuestionLog;

public sealed class QuestionLogTests : IAsyncLifetime
{
    private readonly QuestionLogFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task Record_StoresScrubbedTextAndKeyedResident_NeverTheRawIdOrNumber()
    {
        var log = await _file.OpenAsync();
        Assert.True(log.Record(Question("我叫王小明 电话13800000000 暖气不热找谁", SearchDecision.Answer, "api:wx-123", entryId: "heating-001", confidence: 0.91)));

        var row = Assert.Single(await AllAsync(log));
        Assert.Equal("我叫[姓名] 电话[电话] 暖气不热找谁", row.Text);
        Assert.Equal(log.KeyOf("api:wx-123"), row.ResidentKey);
        Assert.Matches("^[0-9a-f]{32}$", row.ResidentKey);
        Assert.Equal((T0, "api", ConversationKind.Group, SearchDecision.Answer, 0.91, "heating-001"), (row.At, row.Channel, row.Kind, row.Decision, row.Confidence, row.EntryId));
        Assert.False(row.FollowedByHandoff);
        Assert.False(row.Rephrased);

        await log.DisposeAsync();
        var bytes = await File.ReadAllBytesAsync(_file.DatabasePath);
        var stored = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("暖气不热找谁", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("wx-123", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ReturnsTheWindowInOrderAsked_FilteredByDecisionAndLimit()
    {
        var log = await _file.OpenAsync();
        log.Record(Question("早", SearchDecision.Answer, "api:a", TimeSpan.FromHours(-1), "e1"));
        log.Record(Question("一", SearchDecision.Abstain, "api:b", TimeSpan.FromMinutes(1)));
        log.Record(Question("二", SearchDecision.Clarify, "api:c", TimeSpan.FromMinutes(2)));
        log.Record(Question("三", SearchDecision.Abstain, "api:d", TimeSpan.FromMinutes(3)));
        log.Record(Question("晚", SearchDecision.Abstain, "api:e", TimeSpan.FromHours(2)));
        await log.FlushAsync(CancellationToken.None);

        async Task<string> TextsAsync(SearchDecision? decision, int? limit)
        {
            var texts = new List<string>();
            await foreach (var row in log.ListAsync(T0, T0.AddHours(1), decision, limit, CancellationToken.None))
            {
                texts.Add(row.Text);
            }

            return string.Concat(texts);
        }

        Assert.Equal("一二三", await TextsAsync(null, null));
        Assert.Equal("一三", await TextsAsync(SearchDecision.Abstain, null));
        Assert.Equal("二", await TextsAsync(SearchDecision.Clarify, null));
        Assert.Equal("一二", await TextsAsync(null, 2));
    }

    public static TheoryData<SearchDecision, string?, string, int, string, bool> RephraseCases => new()
    {
        // previous decision, its entry, the next question, minutes later, who asks, rephrased?
        { SearchDecision.Abstain, null, "小区停车位怎么租", 3, "api:r1", true },
        { SearchDecision.Clarify, null, "停车位租赁找谁", 3, "api:r1", true },
        { SearchDecision.Abstain, null, "停车位租赁找谁", 11, "api:r1", false },
        { SearchDecision.Abstain, null, "停车位租赁找谁", 3, "api:r2", false },
        { SearchDecision.Answer, "parking-01", "停车位租赁到底找谁", 3, "api:r1", true },
        { SearchDecision.Answer, "parking-01", "医保卡丢了怎么补", 3, "api:r1", false },
        { SearchDecision.Clarify, "parking-01", "医保卡丢了怎么补", 3, "api:r1", false },
    };

    [Theory]
    [MemberData(nameof(RephraseCases))]
    public async Task Record_MarksThePreviousQuestionRephrased_PerTheRule(
        SearchDecision previous, string? previousEntry, string next, int minutesLater, string resident, bool rephrased)
    {
        var log = await _file.OpenAsync();
        log.Record(Question("停车位租赁找谁", previous, "api:r1", entryId: previousEntry is not null && previous == SearchDecision.Answer ? previousEntry : null));
        if (previous == SearchDecision.Clarify && previousEntry is not null)
        {
            log.MarkPicked("api:r1", previousEntry, T0.AddSeconds(20));
        }

        log.Record(Question(next, SearchDecision.Abstain, resident, TimeSpan.FromMinutes(minutesLater)));

        var rows = await AllAsync(log);
        Assert.Equal(rephrased, rows[0].Rephrased);
        Assert.False(rows[1].Rephrased);
    }

    [Fact]
    public async Task MarkPicked_SetsTheEntry_OnlyOnTheResidentsLatestUnpickedClarify()
    {
        var log = await _file.OpenAsync();
        log.Record(Question("社保", SearchDecision.Clarify, "api:r1"));
        log.Record(Question("暖气不热", SearchDecision.Answer, "api:r2", TimeSpan.FromSeconds(5), "heating-001"));
        log.MarkPicked("api:r1", "social-002", T0.AddSeconds(10));
        log.MarkPicked("api:r2", "other-009", T0.AddSeconds(10));
        log.MarkPicked("api:r1", "social-003", T0.AddSeconds(20));

        var rows = await AllAsync(log);
        Assert.Equal(["social-002", "heating-001"], rows.Select(r => r.EntryId));
        Assert.Equal(SearchDecision.Clarify, rows[0].Decision);
    }

    [Fact]
    public async Task MarkHandoff_MarksTheResidentsLatestQuestion_OnlyWithinTheWindow()
    {
        var log = await _file.OpenAsync();
        log.Record(Question("老问题", SearchDecision.Abstain, "api:r1"));
        log.Record(Question("新问题", SearchDecision.Abstain, "api:r1", TimeSpan.FromMinutes(20)));
        log.Record(Question("别人的", SearchDecision.Abstain, "api:r2", TimeSpan.FromMinutes(21)));
        log.MarkHandoff("api:r1", T0.AddMinutes(22));
        log.MarkHandoff("api:r2", T0.AddMinutes(40));

        var rows = await AllAsync(log);
        Assert.Equal([false, true, false], rows.Select(r => r.FollowedByHandoff));
    }

    [Fact]
    public async Task PruneAsync_DeletesOnlyOlderQuestions_AndSaysHowMany()
    {
        var log = await _file.OpenAsync();
        log.Record(Question("一", after: TimeSpan.FromDays(-200)));
        log.Record(Question("二", resident: "api:r2", after: TimeSpan.FromDays(-181)));
        log.Record(Question("三", resident: "api:r3", after: TimeSpan.FromDays(-10)));

        Assert.Equal(2, await log.PruneAsync(T0.AddDays(-180), CancellationToken.None));
        Assert.Equal("三", Assert.Single(await AllAsync(log)).Text);
        Assert.Equal(0, await log.PruneAsync(T0.AddDays(-180), CancellationToken.None));
    }

    [Fact]
    public async Task Reopen_KeepsTheRows_AndKeysTheSameResidentTheSame()
    {
        var first = await _file.OpenAsync();
        first.Record(Question("一", resident: "api:r1"));
        await first.DisposeAsync();

        var second = await _file.OpenAsync();
        second.Record(Question("二", resident: "api:r1", after: TimeSpan.FromHours(1)));
        var rows = await AllAsync(second);
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0].ResidentKey, rows[1].ResidentKey);
    }

    [Fact]
    public async Task InitializeAsync_Refuses_WhenTheFileHasANewerSchema()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.DatabasePath)!);
        await using (var connection = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _file.OpenAsync());
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_ABadWriteFailsAlone_AndTheOthersInItsGroupCommit()
    {
        var log = await _file.OpenAsync();
        log.Record(Question("一", resident: "api:r1"));
        log.Record(Question(null!, resident: "api:r2"));
        log.Record(Question("三", resident: "api:r3"));

        Assert.Equal(["一", "三"], (await AllAsync(log)).Select(r => r.Text));
        log.Record(Question("四", resident: "api:r4"));
        Assert.Equal(3, (await AllAsync(log)).Count);
    }

    [Fact]
    public async Task Record_ReturnsFalse_OnceTheLogIsClosed()
    {
        var log = await _file.OpenAsync();
        await log.DisposeAsync();
        Assert.False(log.Record(Question("一")));
        Assert.Equal(1, log.Dropped);
    }

    [Fact]
    public async Task Keys_DifferBetweenSecrets_AndTheCreatedSecretIsReused()
    {
        var log = await _file.OpenAsync();
        var again = ResidentKeys.Load(null, _file.KeyPath, _ => Assert.Fail("The secret was created twice."));
        var other = ResidentKeys.Load("a-configured-secret-of-some-length", _file.KeyPath, _ => { });
        Assert.Equal(log.KeyOf("api:r1"), again.KeyOf("api:r1"));
        Assert.NotEqual(log.KeyOf("api:r1"), other.KeyOf("api:r1"));
        Assert.NotEqual(log.KeyOf("api:r1"), log.KeyOf("api:r2"));
    }
}
