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
    // Bounded: nothing reads it in production, where it just keeps the latest outcomes.
    private readonly Channel<bool> _completed = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
    private PeriodicTimer? _timer;

    /// <summary>One item per scheduled run as it ends: true when it succeeded. For tests, which must not sleep.</summary>
    internal ChannelReader<bool> Completed => _completed.Reader;

    /// <summary>Arms the timer here, not in <see cref="ExecuteAsync"/>: the period counts from the host's start.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ScheduleEnabled)
        {
            _timer ??= new PeriodicTimer(options.Value.SchedulePeriod, timeProvider);
            ReviewLog.ScheduleStarted(logger, options.Value.SchedulePeriod);
        }
        else
        {
            ReviewLog.ScheduleDisabled(logger);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null)
        {
            return;
        }

        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                _completed.Writer.TryWrite(await RunOnceAsync(options.Value.SchedulePeriod, stoppingToken));
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
