using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// Enforces <see cref="QuestionLogOptions.Retention"/>: deletes older questions once at start (after the log is opened;
/// the prune waits in the log's queue until then) and every <see cref="Interval"/> after.
/// </summary>
internal sealed class QuestionLogPruner(
    QuestionLogStore log,
    IOptions<QuestionLogOptions> options,
    TimeProvider timeProvider,
    ILogger<QuestionLogPruner> logger) : BackgroundService
{
    /// <summary>How often to prune: the retention is counted in days, so a few hours' lag is nothing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            do
            {
                await PruneOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Deletes the questions older than the retention period; returns how many.</summary>
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var before = timeProvider.GetUtcNow() - options.Value.Retention;
        try
        {
            var count = await log.PruneAsync(before, cancellationToken);
            QuestionLogLog.Pruned(logger, count, before);
            return count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            QuestionLogLog.PruneFailed(logger, ex);
            return 0;
        }
    }
}
