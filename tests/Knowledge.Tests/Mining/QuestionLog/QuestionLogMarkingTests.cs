using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Retrieval;
using static CitizenBot.Knowledge.Tests.Mining.QuestionLog.QuestionLogFile;

namespace CitizenBot.Knowledge.Tests.Mining.QuestionLog;

/// <summary>
/// The writer's in-memory latest question per resident against the SELECT it replaces: the same stream of records,
/// picks, handoffs and a prune marks the same rows whether every lookup hits the cache, some are evicted, none is held
/// (capacity 0: the SELECT every time), or the log restarts now and then.
/// </summary>
public sealed class QuestionLogMarkingTests
{
    private static readonly string[] Texts =
    [
        "停车位租赁找谁", "停车位租赁到底找谁", "小区停车位怎么租", "医保卡丢了怎么补", "医保卡丢了去哪补办",
        "暖气不热找谁", "暖气不热", "低保怎么申请",
    ];

    public static TheoryData<int, int?> Variants => new()
    {
        // cached residents, restart every n writes
        { LatestQuestionCache.DefaultCapacity, null },
        { 2, null },
        { LatestQuestionCache.DefaultCapacity, 37 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task CachedLookups_MarkTheSameRows_AsTheSelectFallback(int cachedResidents, int? restartEvery)
    {
        var fallback = await ReplayAsync(cachedResidents: 0, restartEvery: null);
        var cached = await ReplayAsync(cachedResidents, restartEvery);

        // The stream exercises every kind of marking, so equal rows are not equal by having none.
        Assert.True(fallback.Count(r => r.Rephrased) >= 20, "too few rephrases in the stream");
        Assert.True(fallback.Count(r => !r.Rephrased && r.Decision != SearchDecision.Answer) >= 20, "too few unrephrased");
        Assert.True(fallback.Count(r => r.FollowedByHandoff) >= 10, "too few handoffs in the stream");
        Assert.True(fallback.Count(r => r.Decision == SearchDecision.Clarify && r.EntryId is not null) >= 10, "too few picks in the stream");
        Assert.Equal(fallback, cached);
    }

    [Fact]
    public async Task RolledBackGroup_LeavesNoCachedRow_SoTheRetriedWritesMarkTheRealOne()
    {
        await using var file = new QuestionLogFile();
        var log = file.Create();

        // Queued before the log opens, so all four are one group: the bad one rolls it back and each is retried alone.
        log.Record(Question("停车位租赁找谁", SearchDecision.Abstain, "api:r1"));
        log.Record(Question("停车位租赁到底找谁", SearchDecision.Abstain, "api:r1", TimeSpan.FromMinutes(1)));
        log.MarkHandoff("api:r1", T0.AddMinutes(2));
        log.Record(Question(null!, resident: "api:r2"));
        await log.InitializeAsync(CancellationToken.None);

        var rows = await AllAsync(log);
        Assert.Equal([true, false], rows.Select(r => r.Rephrased));
        Assert.Equal([false, true], rows.Select(r => r.FollowedByHandoff));
    }

    [Fact]
    public async Task Record_AnEarlierTimedQuestion_LeavesTheLaterOneLatest_ForPickAndHandoff()
    {
        await using var file = new QuestionLogFile();
        var log = await file.OpenAsync();
        log.Record(Question("社保", SearchDecision.Clarify, "api:r1", TimeSpan.FromMinutes(5)));
        log.Record(Question("医保卡丢了怎么补", SearchDecision.Abstain, "api:r1", TimeSpan.FromMinutes(4)));
        log.MarkPicked("api:r1", "social-002", T0.AddMinutes(6));
        log.MarkHandoff("api:r1", T0.AddMinutes(4.5));

        var rows = await AllAsync(log);
        Assert.Equal(["医保卡丢了怎么补", "社保"], rows.Select(r => r.Text));
        Assert.Equal([null, "social-002"], rows.Select(r => r.EntryId));
        Assert.Equal([true, false], rows.Select(r => r.FollowedByHandoff));
        Assert.Equal([false, true], rows.Select(r => r.Rephrased));
    }

    private static async Task<List<MarkedRow>> ReplayAsync(int cachedResidents, int? restartEvery)
    {
        await using var file = new QuestionLogFile();
        var log = await file.OpenAsync(cachedResidents: cachedResidents);
        var random = new Random(20261122);
        var clock = T0;
        for (var i = 0; i < 600; i++)
        {
            if (restartEvery is { } every && i % every == every - 1)
            {
                await log.DisposeAsync();
                log = await file.OpenAsync(cachedResidents: cachedResidents);
            }

            clock += TimeSpan.FromSeconds(random.Next(0, 120));
            var resident = "api:r" + random.Next(6);
            var roll = random.Next(100);
            if (i == 300)
            {
                await log.PruneAsync(clock - TimeSpan.FromHours(3), CancellationToken.None);
            }
            else if (roll < 70)
            {
                // Now and then a question carries a time a little before the last one stored (queued out of order).
                var at = random.Next(10) == 0 ? clock - TimeSpan.FromSeconds(random.Next(1, 300)) : clock;
                var decision = (SearchDecision)random.Next(3);
                var entry = decision == SearchDecision.Answer ? "faq-" + random.Next(4) : null;
                log.Record(new QuestionRecord(at, "api", ConversationKind.Group, resident, Texts[random.Next(Texts.Length)], decision, 0.5, entry));
            }
            else if (roll < 85)
            {
                log.MarkPicked(resident, "faq-" + random.Next(4), clock);
            }
            else
            {
                log.MarkHandoff(resident, clock - TimeSpan.FromSeconds(random.Next(0, 200)));
            }
        }

        var rows = await AllAsync(log);
        Assert.True(rows.Count < 400, "the prune removed nothing");
        var residents = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. rows.Select(r => new MarkedRow(
            r.Id, r.At, residents.TryAdd(r.ResidentKey, residents.Count) ? residents.Count - 1 : residents[r.ResidentKey],
            r.Text, r.Decision, r.EntryId, r.FollowedByHandoff, r.Rephrased))];
    }

    /// <summary>A row with the resident key (which differs between files' secrets) replaced by its order of appearance.</summary>
    private sealed record MarkedRow(
        long Id, DateTimeOffset At, int Resident, string Text, SearchDecision Decision, string? EntryId, bool FollowedByHandoff, bool Rephrased);
}
