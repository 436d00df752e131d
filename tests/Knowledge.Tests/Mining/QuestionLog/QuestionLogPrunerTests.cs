using CitizenBot.Knowledge.Mining.QuestionLog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CitizenBot.Knowledge.Tests.Mining.QuestionLog.QuestionLogFile;

namespace CitizenBot.Knowledge.Tests.Mining.QuestionLog;

public sealed class QuestionLogPrunerTests : IAsyncLifetime
{
    private readonly QuestionLogFile _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task PruneOnceAsync_DeletesQuestionsOlderThanTheRetention_CountedFromTheClock()
    {
        var log = await _file.OpenAsync();
        log.Record(Question("过期", after: TimeSpan.FromDays(-31)));
        log.Record(Question("保留", resident: "api:r2", after: TimeSpan.FromDays(-29)));
        var options = Options.Create(new QuestionLogOptions { Retention = TimeSpan.FromDays(30) });
        using var pruner = new QuestionLogPruner(log, options, new StoppedClock(T0), NullLogger<QuestionLogPruner>.Instance);

        Assert.Equal(1, await pruner.PruneOnceAsync(CancellationToken.None));
        Assert.Equal("保留", Assert.Single(await AllAsync(log)).Text);
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
