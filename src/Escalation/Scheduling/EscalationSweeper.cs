using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Scheduling;

/// <summary>
/// The one timer of the SLA: every <see cref="EscalationSweeperOptions.Period"/> it selects the tickets whose stored
/// deadline has passed and applies the reaction <see cref="TicketDeadlineKind"/> documents, saving each ticket with its
/// next deadline under optimistic concurrency. Several sweepers (or a sweeper and staff) may work on one database:
/// whoever saves second gets <see cref="TicketConcurrencyException"/>, and the sweeper then skips the ticket and reads
/// it afresh, so each deadline fires exactly once.
/// </summary>
/// <remarks>
/// Each reaction is recorded at the instant its deadline fell due (never before the ticket's last event), not at the
/// sweep time. After downtime the history, and the clocks that restart on escalation, read as if the sweeper had never
/// stopped: a ticket overdue for days climbs one level per pass of the same sweep, each step recorded.
/// </remarks>
internal sealed class EscalationSweeper(
    TicketStore store,
    SlaPolicy policy,
    WorkingDayCalendar calendar,
    TimeProvider timeProvider,
    IOptions<EscalationSweeperOptions> options,
    ILogger<EscalationSweeper> logger,
    TicketChangeFeed? changes = null) : BackgroundService
{
    private readonly EscalationSweeperOptions _options = options.Value;

    private enum Outcome
    {
        Handled,
        Refreshed,
        Conflict,
        Failed,
    }

    /// <summary>
    /// Handles every ticket due now, pass after pass until none is due, a pass changes nothing but fails, or
    /// <see cref="EscalationSweeperOptions.MaxTicketsPerTick"/> tickets were visited. Errors of one ticket are logged
    /// and leave it due. Returns how many deadlines were acted on (stale deadlines merely refreshed do not count).
    /// </summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var (visited, handled) = (0, 0);
        while (visited < _options.MaxTicketsPerTick)
        {
            var now = timeProvider.GetUtcNow();
            var due = await store.ListDueAsync(now, Math.Min(_options.BatchSize, _options.MaxTicketsPerTick - visited), cancellationToken);
            if (due.Count == 0)
            {
                return handled;
            }

            // The pass's tickets are read and reacted to one by one, but their saves are not awaited one by one: each
            // waits in the store's write queue, so the pass commits in a few group commits rather than one fsync per
            // ticket (a hundred due tickets took a third of a second one by one). Saves of different tickets do not
            // depend on each other, and the next pass lists only after every save of this one has landed.
            visited += due.Count;
            var loaded = await LoadAsync(due, cancellationToken);
            var outcomes = await Task.WhenAll(due.Select(item => SweepTicketAsync(item, loaded, now, cancellationToken)));
            handled += outcomes.Count(o => o == Outcome.Handled);

            // A conflict counts as progress: someone else changed the ticket, so reading it again is worthwhile.
            // A pass of failures only would list the same tickets again, so it ends the sweep.
            if (outcomes.All(o => o == Outcome.Failed))
            {
                return handled;
            }
        }

        Log.SweepCapReached(logger, _options.MaxTicketsPerTick);
        return handled;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.SweeperStarted(logger, _options.Period);
        using var timer = new PeriodicTimer(_options.Period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.SweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown; a sweep cut short leaves its tickets due, and the next start picks them up.
        }

        Log.SweeperStopped(logger);
    }

    private static void React(Ticket ticket, TicketDeadline deadline, DateTimeOffset at)
    {
        switch (deadline.Kind)
        {
            case TicketDeadlineKind.AcceptWarning or TicketDeadlineKind.ResolveWarning:
                ticket.RecordWarning(at);
                break;
            case TicketDeadlineKind.AcceptOverdue or TicketDeadlineKind.ResolveOverdue:
                var reason = deadline.Kind == TicketDeadlineKind.AcceptOverdue ? "超过受理时限" : "超过办结时限";
                var level = ticket.Level ?? throw new InvalidOperationException($"Ticket {ticket.Number} is overdue but unassigned.");
                if (LevelLadder.Above(level) is { } next)
                {
                    var holders = ticket.ToSnapshot().Holders ?? throw new InvalidOperationException($"Ticket {ticket.Number} has no holder chain.");
                    ticket.Escalate(next, holders.NodeAt(next), reason, at);
                    break;
                }

                if (!ticket.Supervised)
                {
                    ticket.FlagSupervised($"区级{reason}，转为督办", at);
                }

                ticket.RecordUrge(at);
                break;
            case TicketDeadlineKind.Report:
                ticket.RecordReport(at);
                break;
            case TicketDeadlineKind.AutoClose:
                ticket.AutoClose(at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(deadline), deadline.Kind, "Unknown deadline kind.");
        }
    }

    /// <summary>
    /// The pass's tickets in one read; null when that read failed, so that each ticket is then read on its own and one
    /// unreadable ticket fails alone instead of stalling every sweep on its pass.
    /// </summary>
    private async Task<IReadOnlyDictionary<TicketNumber, Ticket>?> LoadAsync(IReadOnlyList<DueTicket> due, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetManyAsync([.. due.Select(d => d.Number)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.PassReadFailed(logger, ex, due.Count);
            return null;
        }
    }

    private async Task<Outcome> SweepTicketAsync(DueTicket item, IReadOnlyDictionary<TicketNumber, Ticket>? loaded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var ticket = loaded is null ? await store.GetAsync(item.Number, cancellationToken) : loaded.GetValueOrDefault(item.Number);
            if (ticket is null)
            {
                Log.DueTicketMissing(logger, item.Number);
                return Outcome.Failed;
            }

            var expectedVersion = ticket.Version;
            TicketDeadline? handled = null;
            // The stored deadline only selected the row; the ticket itself says what is due (a worker may have
            // accepted it since, or the policy changed).
            if (TicketDeadlines.Next(ticket, policy, calendar) is { } deadline && deadline.DueAt <= now)
            {
                var at = deadline.DueAt >= ticket.Events[^1].At ? deadline.DueAt : ticket.Events[^1].At;
                React(ticket, deadline, at);
                handled = deadline;
            }

            var next = TicketDeadlines.Next(ticket, policy, calendar);
            await store.SaveAsync(ticket, expectedVersion, next?.DueAt, next?.Kind.ToString(), cancellationToken);
            if (handled is { } done)
            {
                Log.DeadlineHandled(logger, item.Number, done.Kind, done.DueAt, ticket.Level);
                changes?.Publish(TicketChange.Of(ticket));
                return Outcome.Handled;
            }

            Log.StaleDeadlineRefreshed(logger, item.Number, item.Kind, item.DueAt);
            return Outcome.Refreshed;
        }
        catch (TicketConcurrencyException)
        {
            Log.TicketChangedConcurrently(logger, item.Number);
            return Outcome.Conflict;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.TicketFailed(logger, ex, item.Number, item.Kind);
            return Outcome.Failed;
        }
    }
}
