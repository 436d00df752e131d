using System.Diagnostics.CodeAnalysis;
using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;
using static CitizenBot.Knowledge.Tests.Mining.QuestionLog.QuestionLogFile;

namespace CitizenBot.Knowledge.Tests.Mining.QuestionLog;

public sealed class QuestionLogQualityTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly QuestionLogFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task QualityAsync_CountsEachChinaDay_SplittingAtSixteenHundredUtc()
    {
        var log = await _file.OpenAsync();
        Ask(log, Utc(19, 15, 59, 59.999), "api:d0", "范围之前", SearchDecision.Answer, "e-out");
        Ask(log, Utc(20, 15, 59, 59.999), "api:d1", "暖气不热找谁", SearchDecision.Answer, "e-heat");
        Ask(log, Utc(20, 16, 0, 0), "api:d2", "低保怎么申请", SearchDecision.Abstain);
        Ask(log, Utc(20, 16, 3, 0), "api:d2", "低保申请", SearchDecision.Clarify);
        log.MarkHandoff("api:d2", Utc(20, 16, 4, 0));
        Ask(log, Utc(21, 10, 0, 0), "api:d3", "养老金什么时候发", SearchDecision.Answer, "e-pension");
        Ask(log, Utc(23, 15, 59, 0), "api:d4", "小区没有业委会", SearchDecision.Abstain);
        Ask(log, Utc(23, 16, 0, 0), "api:d5", "范围之后", SearchDecision.Abstain);
        await log.FlushAsync(CancellationToken.None);

        var from = new DateTimeOffset(2026, 11, 20, 0, 0, 0, China);
        var report = await log.QualityAsync(from, from.AddDays(4), China, 10, CancellationToken.None);

        Assert.Equal((from, from.AddDays(4)), (report.From, report.To));
        Assert.Equal(China, report.From.Offset);
        Assert.Equal(
            [
                new QualityDay(new DateOnly(2026, 11, 20), 1, 1, 0, 0, 0, 0),
                new QualityDay(new DateOnly(2026, 11, 21), 3, 1, 1, 1, 1, 1),
                new QualityDay(new DateOnly(2026, 11, 22), 0, 0, 0, 0, 0, 0),
                new QualityDay(new DateOnly(2026, 11, 23), 1, 0, 0, 1, 0, 0),
            ],
            report.Days);
        Assert.Equal(new QualityTotals(5, 2, 1, 2, 1, 1, 0.4, 0.2, 0.4, 0.2, 0.2), report.Totals);

        // The same rows counted in UTC days: 15:59 and 16:00 fall on one day.
        var utc = await log.QualityAsync(Utc(20, 0, 0, 0), Utc(21, 0, 0, 0), TimeSpan.Zero, 10, CancellationToken.None);
        Assert.Equal(new QualityDay(new DateOnly(2026, 11, 20), 3, 1, 1, 1, 1, 1), Assert.Single(utc.Days));
    }

    [Fact]
    public async Task QualityAsync_CountsOnlyThePeriod_WhenItStartsAndEndsMidDay()
    {
        var log = await _file.OpenAsync();
        Ask(log, Utc(20, 1, 0, 0), "api:a", "一", SearchDecision.Answer, "e1");
        Ask(log, Utc(20, 3, 0, 0), "api:b", "二", SearchDecision.Abstain);
        Ask(log, Utc(20, 5, 0, 0), "api:c", "三", SearchDecision.Abstain);
        await log.FlushAsync(CancellationToken.None);

        var report = await log.QualityAsync(Utc(20, 2, 0, 0), Utc(20, 5, 0, 0), China, 10, CancellationToken.None);

        Assert.Equal(new QualityDay(new DateOnly(2026, 11, 20), 1, 0, 0, 1, 0, 0), Assert.Single(report.Days));
    }

    [Fact]
    public async Task QualityAsync_RanksWorstEntries_ByShareFollowedByRephraseOrHandoff_AboveTheMinimumSample()
    {
        var log = await _file.OpenAsync();
        var at = Utc(21, 2, 0, 0);
        var resident = 0;

        // Each answer by its own resident; a bad one is followed a minute later by the same question (a rephrase), a
        // handoff, or both (counted once in the rate).
        void Answer(string entry, bool rephrase = false, bool handoff = false, bool picked = false)
        {
            var who = "api:w" + resident++;
            at = at.AddMinutes(5);
            Ask(log, at, who, "停车位租赁找谁", picked ? SearchDecision.Clarify : SearchDecision.Answer, picked ? null : entry);
            if (picked)
            {
                log.MarkPicked(who, entry, at.AddSeconds(10));
            }

            if (rephrase)
            {
                Ask(log, at.AddMinutes(1), who, "停车位租赁找谁", SearchDecision.Abstain);
            }

            if (handoff)
            {
                log.MarkHandoff(who, at.AddSeconds(30));
            }
        }

        Answer("often-bad", rephrase: true, handoff: true);
        Answer("often-bad", rephrase: true);
        Answer("often-bad", handoff: true, picked: true);
        Answer("half-bad", rephrase: true);
        Answer("half-bad");
        Answer("half-bad", handoff: true);
        Answer("half-bad");
        Answer("too-few", rephrase: true);
        Answer("too-few", rephrase: true);
        Answer("fine");
        Answer("fine");
        Answer("fine");
        await log.FlushAsync(CancellationToken.None);

        var report = await log.QualityAsync(Utc(21, 0, 0, 0), Utc(22, 0, 0, 0), China, 10, CancellationToken.None);

        Assert.Equal(
            [new EntryQuality("often-bad", 3, 2, 2, 1.0), new EntryQuality("half-bad", 4, 1, 1, 0.5)],
            report.WorstEntries);
        Assert.Equal("often-bad", Assert.Single((await log.QualityAsync(Utc(21, 0, 0, 0), Utc(22, 0, 0, 0), China, 1, CancellationToken.None)).WorstEntries).EntryId);
        Assert.Equal(3, QuestionLogQuality.MinAnswered);
    }

    [Fact]
    public async Task QualityAsync_IsEmptyButComplete_WhenNothingWasAsked()
    {
        var log = await _file.OpenAsync();
        var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, China);

        var report = await log.QualityAsync(from, from.AddDays(30), China, 10, CancellationToken.None);

        Assert.Equal(30, report.Days.Count);
        Assert.Equal(new DateOnly(2026, 11, 30), report.Days[^1].Date);
        Assert.All(report.Days, day => Assert.Equal(0, day.Questions));
        Assert.Equal(new QualityTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), report.Totals);
        Assert.Empty(report.WorstEntries);
    }

    [Fact]
    public async Task QualityAsync_Refuses_AnEmptyPeriod()
    {
        var log = await _file.OpenAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => log.QualityAsync(T0, T0, China, 10, CancellationToken.None));
    }

    [Fact]
    public async Task InitializeAsync_UpgradesAVersion1File_KeepingItsRows_AndCountsThem()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.DatabasePath)!);
        await using (var connection = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE questions(
                    id INTEGER PRIMARY KEY, at INTEGER NOT NULL, channel TEXT NOT NULL, conversation_kind TEXT NOT NULL,
                    resident_key TEXT NOT NULL, text TEXT NOT NULL, decision TEXT NOT NULL, confidence REAL NOT NULL,
                    entry_id TEXT NULL, followed_by_handoff INTEGER NOT NULL DEFAULT 0, rephrased INTEGER NOT NULL DEFAULT 0
                ) STRICT;
                CREATE INDEX questions_at ON questions(at);
                CREATE INDEX questions_by_resident ON questions(resident_key, at);
                INSERT INTO questions(at, channel, conversation_kind, resident_key, text, decision, confidence, entry_id, followed_by_handoff)
                VALUES ($at, 'api', 'group', 'k1', '旧问题', 'answer', 0.9, 'e1', 1);
                PRAGMA user_version = 1;
                """;
            command.Parameters.AddWithValue("$at", T0.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync();
        }

        var log = await _file.OpenAsync();
        var report = await log.QualityAsync(T0.AddHours(-1), T0.AddHours(1), China, 10, CancellationToken.None);
        Assert.Equal(new QualityDay(DateOnly.FromDateTime(T0.ToOffset(China).DateTime), 1, 1, 0, 0, 1, 0), Assert.Single(report.Days));
        await log.DisposeAsync();

        await using var check = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False");
        await check.OpenAsync();
        await using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        Assert.Equal(QuestionLogSchema.Version, (long)(await version.ExecuteScalarAsync())!);
        Assert.Equal(2, QuestionLogSchema.Version);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [SuppressMessage("Security", "CA2100", Justification = "The log's own constant statements.")]
    public async Task QualityQueries_ReadOnlyTheCoveringIndex_NeverTheRows(bool dayCounts)
    {
        var log = await _file.OpenAsync();
        await log.DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = dayCounts
            ? "EXPLAIN QUERY PLAN " + QuestionLogQuality.DayCountsSql
            : "EXPLAIN QUERY PLAN " + QuestionLogQuality.EntryCountsSql;
        foreach (var name in (string[])["$from", "$to", "$min", "$limit"])
        {
            command.Parameters.AddWithValue(name, 1);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains("SEARCH questions USING COVERING INDEX questions_quality (at>? AND at<?)", plan);
    }

    private static DateTimeOffset Utc(int day, int hour, int minute, double second) =>
        new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.Zero).AddSeconds(second);

    private static void Ask(QuestionLogStore log, DateTimeOffset at, string resident, string text, SearchDecision decision, string? entry = null) =>
        log.Record(new QuestionRecord(at, "api", ConversationKind.Group, resident, text, decision, 0.5, entry));
}
