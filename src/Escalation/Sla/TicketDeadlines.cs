using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Turns a ticket's state into its next deadline. Pure: no clock, no I/O; call it after every command and store the
/// result with the ticket.
/// </summary>
/// <remarks>
/// <para>
/// The holding period starts when the ticket last arrived at its level: the last <see cref="TicketEventType.Assigned"/>,
/// <see cref="TicketEventType.Escalated"/> or <see cref="TicketEventType.SecondWhistle"/> event (while
/// <see cref="TicketStatus.Assigned"/> this is <see cref="Ticket.LastTransitionAt"/>). Both the accept and the resolve
/// clocks run from that instant with the limits of the ticket's grade at its level, through
/// <see cref="DeadlineCalculator.DueAt"/>; escalation therefore restarts both.
/// </para>
/// <para>
/// While <see cref="TicketStatus.Assigned"/> the accept clock is watched; once accepted (Accepted or InProgress) the
/// resolve clock is. Each phase walks the supervision trail once, judged by the trail events recorded in that phase
/// (since arrival, or since the last <see cref="TicketEventType.Accepted"/> event): none → the warning; a
/// <see cref="TicketEventType.Warned"/> → the overdue instant; an <see cref="TicketEventType.Urged"/> → the report,
/// <see cref="SlaPolicy.ReportAfter"/> after the overdue instant; a <see cref="TicketEventType.Reported"/> → nothing
/// more at that level. <see cref="TicketEventType.Supervised"/> is not a trail step, so a supervised district ticket
/// still gets its report. A deadline may lie in the past (a sweeper outage, a late acceptance); the sweeper then handles
/// it at once and asks again.
/// </para>
/// <para>
/// The warning is <see cref="SlaPolicy.WarningLead"/> before the deadline, but no earlier than half-way between
/// arrival at the level and the deadline: with the default 2 h lead, red's 30 min accept limit warns after 15 min.
/// </para>
/// <para>
/// Known limit: while Assigned only the accept clock is watched. The options validator keeps accept no longer than
/// resolve when both use the same measure; a table mixing measures (e.g. accept 1wd, resolve 4h) would let the resolve
/// deadline pass unnoticed until acceptance.
/// </para>
/// </remarks>
internal static class TicketDeadlines
{
    /// <summary>
    /// The earliest pending deadline of <paramref name="ticket"/>: a warning, overdue or report deadline while it is
    /// open, <see cref="TicketDeadlineKind.AutoClose"/> while it is resolved, and null when it is submitted but not yet
    /// assigned, closed, or reported at its level.
    /// </summary>
    public static TicketDeadline? Next(Ticket ticket, SlaPolicy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return ticket.Status switch
        {
            TicketStatus.Assigned or TicketStatus.Accepted or TicketStatus.InProgress => NextWhileOpen(ticket, policy, calendar),
            TicketStatus.Resolved => new TicketDeadline(
                TicketDeadlineKind.AutoClose,
                (ticket.ResolvedAt ?? throw new InvalidOperationException($"Ticket {ticket.Number} is resolved but has no ResolvedAt.")).ToUniversalTime() + policy.AutoCloseAfter),
            _ => null,
        };
    }

    /// <summary>
    /// The time limit the holder works against now, for display: the accept deadline (<see cref="TicketDeadlineKind.AcceptOverdue"/>)
    /// while assigned, the resolve deadline (<see cref="TicketDeadlineKind.ResolveOverdue"/>) once accepted, the
    /// auto-close time while resolved; null when submitted or closed. Unlike <see cref="Next"/> it ignores the
    /// supervision trail, so it stays put while warnings and urges come and go.
    /// </summary>
    public static TicketDeadline? Current(Ticket ticket, SlaPolicy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (ticket.Status is not (TicketStatus.Assigned or TicketStatus.Accepted or TicketStatus.InProgress))
        {
            return ticket.Status == TicketStatus.Resolved ? Next(ticket, policy, calendar) : null;
        }

        if (ticket.ArrivalIndex < 0 || ticket.Level is not { } level)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is {ticket.Status} but was never assigned.");
        }

        var limits = policy.Limits(ticket.Urgency, level);
        var accepting = ticket.Status == TicketStatus.Assigned;
        var dueAt = DeadlineCalculator.DueAt(ticket.HeldSince.ToUniversalTime(), accepting ? limits.Accept : limits.Resolve, calendar);
        return new TicketDeadline(accepting ? TicketDeadlineKind.AcceptOverdue : TicketDeadlineKind.ResolveOverdue, dueAt);
    }

    private static TicketDeadline? NextWhileOpen(Ticket ticket, SlaPolicy policy, WorkingDayCalendar calendar)
    {
        var events = ticket.Events;
        var arrival = ticket.ArrivalIndex;
        var level = ticket.Level;
        if (arrival < 0 || level is null)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is {ticket.Status} but was never assigned.");
        }

        var heldSince = events[arrival].At.ToUniversalTime();
        var limits = policy.Limits(ticket.Urgency, level.Value);
        var accepting = ticket.Status == TicketStatus.Assigned;
        var phaseStart = accepting ? arrival : Math.Max(arrival, LastIndex(events, arrival, t => t == TicketEventType.Accepted));
        var (warning, overdue, limit) = accepting
            ? (TicketDeadlineKind.AcceptWarning, TicketDeadlineKind.AcceptOverdue, limits.Accept)
            : (TicketDeadlineKind.ResolveWarning, TicketDeadlineKind.ResolveOverdue, limits.Resolve);
        var dueAt = DeadlineCalculator.DueAt(heldSince, limit, calendar);

        return FurthestTrailStep(events, phaseStart) switch
        {
            TicketEventType.Reported => null,
            TicketEventType.Urged => new TicketDeadline(TicketDeadlineKind.Report, DeadlineCalculator.DueAt(dueAt, policy.ReportAfter, calendar)),
            TicketEventType.Warned => new TicketDeadline(overdue, dueAt),
            _ => new TicketDeadline(warning, Later(heldSince, DeadlineCalculator.WarningAt(dueAt, Lead(policy.WarningLead, heldSince, dueAt)))),
        };
    }

    /// <summary>
    /// The warning lead, but at most half the time the holder has: a 2 h lead on a 2 h accept limit would warn on
    /// arrival, which tells the holder nothing the new ticket did not; half-way through it is a real reminder.
    /// </summary>
    private static TimeSpan Lead(TimeSpan configured, DateTimeOffset heldSince, DateTimeOffset dueAt)
    {
        var half = (dueAt - heldSince) / 2;
        return half < configured ? half : configured;
    }

    /// <summary>The index of the last event at or after <paramref name="from"/> whose type matches; -1 if none.</summary>
    private static int LastIndex(IReadOnlyList<TicketEvent> events, int from, Func<TicketEventType, bool> match)
    {
        for (var i = events.Count - 1; i >= from; i--)
        {
            if (match(events[i].Type))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The furthest of Warned → Urged → Reported recorded after <paramref name="phaseStart"/>; null if none.</summary>
    private static TicketEventType? FurthestTrailStep(IReadOnlyList<TicketEvent> events, int phaseStart)
    {
        TicketEventType? furthest = null;
        for (var i = phaseStart + 1; i < events.Count; i++)
        {
            var type = events[i].Type;
            if (Rank(type) > Rank(furthest))
            {
                furthest = type;
            }
        }

        return furthest;
    }

    private static int Rank(TicketEventType? type) => type switch
    {
        TicketEventType.Warned => 1,
        TicketEventType.Urged => 2,
        TicketEventType.Reported => 3,
        _ => 0,
    };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
