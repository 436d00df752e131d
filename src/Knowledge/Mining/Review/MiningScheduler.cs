using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>
/// Mines every <see cref="MiningServiceOptions.SchedulePeriod"/> (the first run one period after start, when the host
/// has long opened the knowledge base and the question log); a failed run is logged and the schedule goes on.
/// </summary>
internal sealed class MiningScheduler(
    MiningService mining,
    IOptions<MiningServiceOptions> options,
    TimeProvider timeProvider,
    ILogger<MiningScheduler> logger) : BackgroundService
{
    private readonly Channel<bool> _completed = Channel.CreateUnbounded<bool>();

    /// <summary>One item per scheduled run as it ends: true when it succeeded. For tests, which must not sleep.</summary>
    internal ChannelReader<bool> Completed => _completed.Reader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.SchedulePeriod;
        if (!options.Value.ScheduleEnabled)
        {
            ReviewLog.ScheduleDisabled(logger);
            return;
        }

        ReviewLog.ScheduleStarted(logger, period);
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _completed.Writer.TryWrite(await RunOnceAsync(period, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<bool> RunOnceAsync(TimeSpan period, CancellationToken stoppingToken)
    {
        try
        {
            await mining.RunAsync(stoppingToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            ReviewLog.ScheduledRunFailed(logger, ex, period);
            return false;
        }
    }
}
