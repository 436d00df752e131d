using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Escalation.Tickets.Desk;

/// <summary>
/// The one way tickets are filed and changed: every save goes with the ticket's recomputed next deadline, so the
/// stored <c>next_due_at</c> the sweeper selects on never lags the ticket. Thread-safe (the store is).
/// </summary>
internal sealed class TicketDesk(
    TicketStore store,
    OrgTree org,
    SlaPolicy policy,
    WorkingDayCalendar calendar,
    TimeProvider timeProvider,
    ILogger<TicketDesk> logger,
    TicketChangeFeed? changes = null)
{
    /// <summary>
    /// Files <paramref name="request"/> under the next number of today's Beijing date and assigns it to its grid at
    /// once, so its accept clock starts at submission. Throws <see cref="ArgumentException"/> when the location has no
    /// grid or names a node that is not a grid; no number is used up then.
    /// </summary>
    public async Task<Ticket> SubmitAsync(NewTicket request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Location);
        var gridNodeId = request.Location.GridNodeId
            ?? throw new ArgumentException("A ticket needs its grid before it can be submitted.", nameof(request));
        var holders = HolderChain.Above(org, gridNodeId);

        var now = timeProvider.GetUtcNow();

        // The number is taken and the ticket stored in one transaction, so a number is used up only with its ticket
        // and a submission costs one commit, shared with whatever other writes are queued (group commit).
        var ticket = await store.InsertNewAsync(
            BeijingTime.DateOf(now),
            number =>
            {
                var filed = Ticket.Submit(number, request.CategoryItemId, request.Urgency, request.Description, request.Location, request.Reporter, request.Attachments, now);
                filed.AssignToGrid(gridNodeId, holders, now);
                var deadline = TicketDeadlines.Next(filed, policy, calendar);
                return new TicketInsert(filed, deadline?.DueAt, deadline?.Kind.ToString());
            },
            cancellationToken);
        Log.TicketSubmitted(logger, ticket.Number, gridNodeId);
        changes?.Publish(TicketChange.Of(ticket));
        return ticket;
    }

    /// <summary>
    /// Loads the ticket, runs <paramref name="command"/> on it (one or more <see cref="Ticket"/> methods) and saves it
    /// with its next deadline, if nobody saved it in between. On such a conflict the ticket is reloaded and the command
    /// run once more against the fresh state; a second conflict throws <see cref="TicketConcurrencyException"/>.
    /// Because the command may run twice, it should read the time inside (from the same <see cref="TimeProvider"/>),
    /// not capture it beforehand. Returns null when there is no such ticket; the command's own
    /// <see cref="TicketTransitionException"/> passes through and nothing is saved.
    /// </summary>
    public async Task<Ticket?> ApplyAsync(TicketNumber number, Action<Ticket> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await store.GetAsync(number, cancellationToken);
            if (ticket is null)
            {
                return null;
            }

            var expectedVersion = ticket.Version;
            command(ticket);
            var deadline = TicketDeadlines.Next(ticket, policy, calendar);
            try
            {
                await store.SaveAsync(ticket, expectedVersion, deadline?.DueAt, deadline?.Kind.ToString(), cancellationToken);
                Log.TicketChanged(logger, number, ticket.Status, ticket.Level, ticket.Version);
                changes?.Publish(TicketChange.Of(ticket));
                return ticket;
            }
            catch (TicketConcurrencyException) when (attempt == 1)
            {
                Log.RetryingAfterConflict(logger, number, expectedVersion);
            }
        }
    }
}
