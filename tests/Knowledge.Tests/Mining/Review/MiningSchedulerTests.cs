using CitizenBot.Knowledge.Mining.Review;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge.Tests.Mining.Review;

public sealed class MiningSchedulerTests : IAsyncLifetime
{
    /// <summary>Only guards against a hang: the test waits for the run to report, never for time to pass.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private ReviewHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ReviewHarness.OpenAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Scheduler_MinesOncePerPeriod_OnTheClock()
    {
        await _harness.RecordNewTopicStreamAsync();
        using var scheduler = NewScheduler(new MiningServiceOptions());
        await scheduler.StartAsync(CancellationToken.None);

        _harness.Clock.Advance(TimeSpan.FromHours(23));
        Assert.False(scheduler.Completed.TryRead(out _));
        Assert.Null(await _harness.Mining.GetQueueAsync(CancellationToken.None));
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await scheduler.Completed.ReadAsync().AsTask().WaitAsync(Guard));

        var queue = await _harness.Mining.GetQueueAsync(CancellationToken.None);
        Assert.Equal(_harness.Clock.GetUtcNow(), queue!.GeneratedAt);
        Assert.Contains(MiningStream.NewTopicWord, queue.Topics[0].Label, StringComparison.Ordinal);

        _harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await scheduler.Completed.ReadAsync().AsTask().WaitAsync(Guard));
        Assert.Equal(_harness.Clock.GetUtcNow(), (await _harness.Mining.GetQueueAsync(CancellationToken.None))!.GeneratedAt);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Scheduler_KeepsRunning_WhenARunFails()
    {
        using var scheduler = NewScheduler(new MiningServiceOptions());
        await scheduler.StartAsync(CancellationToken.None);
        await _harness.Log.DisposeAsync();

        _harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.False(await scheduler.Completed.ReadAsync().AsTask().WaitAsync(Guard));
        _harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.False(await scheduler.Completed.ReadAsync().AsTask().WaitAsync(Guard));

        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Scheduler_NeverMines_WhenDisabled()
    {
        using var scheduler = NewScheduler(new MiningServiceOptions { ScheduleEnabled = false });
        await scheduler.StartAsync(CancellationToken.None);

        _harness.Clock.Advance(TimeSpan.FromDays(3));
        await scheduler.StopAsync(CancellationToken.None);

        Assert.False(scheduler.Completed.TryRead(out _));
        Assert.Null(await _harness.Mining.GetQueueAsync(CancellationToken.None));
    }

    private MiningScheduler NewScheduler(MiningServiceOptions options) =>
        new(_harness.Mining, Options.Create(options), _harness.Clock, NullLogger<MiningScheduler>.Instance);
}
