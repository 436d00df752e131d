using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Reporting;

/// <summary>
/// The numbers behind one dashboard: the tickets filed in the grids within <see cref="ScopeNodeId"/> (the district
/// means every ticket), counted over <see cref="Period"/> and, for the "now" figures, at the instant the report was
/// read. Every figure comes from one read transaction, so they agree with each other. Rates are 0–1 and null, never
/// NaN, when there is nothing to divide by; so are averages.
/// </summary>
/// <param name="ScopeNodeId">The org node the report covers.</param>
/// <param name="ScopeLevel">The level of that node.</param>
/// <param name="Period">The Beijing days counted.</param>
/// <param name="GeneratedAt">When the report was read (UTC); the "now" of <paramref name="OpenNow"/> and friends.</param>
/// <param name="Submitted">Tickets whose submission falls in the period.</param>
/// <param name="SubmittedAndClosed">Of those, the ones that are closed now (whenever they closed).</param>
/// <param name="OpenNow">
/// Tickets that still need work now: status Submitted, Assigned, Accepted or InProgress, whenever filed. Resolved
/// tickets (awaiting the resident's rating) are not open; they are in <paramref name="AwaitingRatingNow"/>.
/// </param>
/// <param name="AwaitingRatingNow">Tickets resolved and not yet rated or auto-closed, now.</param>
/// <param name="SupervisedOpenNow">Open tickets (as in <paramref name="OpenNow"/>) under district supervision (督办), now.</param>
/// <param name="ClosedInPeriod">
/// Tickets whose closing falls in the period: a 满意/基本满意 rating or an automatic close. Closed is final, so each
/// ticket closes at most once.
/// </param>
/// <param name="FirstAccepted">Tickets whose first acceptance (受理) falls in the period.</param>
/// <param name="AverageTimeToAccept">Mean time from submission to first acceptance over <paramref name="FirstAccepted"/>; null when none.</param>
/// <param name="FirstResolved">Tickets whose first resolution falls in the period.</param>
/// <param name="ResolvedOnTime">Of those, the ones with no missed deadline before that first resolution (see <see cref="OnTimeRate"/>).</param>
/// <param name="AverageTimeToResolve">Mean time from submission to first resolution over <paramref name="FirstResolved"/>; null when none.</param>
/// <param name="Escalations">Moves up into each level above the grid in the period (Community, Street, District, always all three).</param>
/// <param name="Satisfaction">The ratings given in the period.</param>
/// <param name="Daily">One entry per day of the period, in order, for the chart.</param>
internal sealed record TicketReport(
    string ScopeNodeId,
    OrgLevel ScopeLevel,
    ReportPeriod Period,
    DateTimeOffset GeneratedAt,
    int Submitted,
    int SubmittedAndClosed,
    int OpenNow,
    int AwaitingRatingNow,
    int SupervisedOpenNow,
    int ClosedInPeriod,
    int FirstAccepted,
    TimeSpan? AverageTimeToAccept,
    int FirstResolved,
    int ResolvedOnTime,
    TimeSpan? AverageTimeToResolve,
    IReadOnlyList<LevelEscalations> Escalations,
    SatisfactionSummary Satisfaction,
    IReadOnlyList<DailyTicketCount> Daily)
{
    /// <summary>
    /// 办结率: of the tickets submitted in the period, the share closed now (<see cref="SubmittedAndClosed"/> /
    /// <see cref="Submitted"/>). Resolved tickets still awaiting a rating do not count as closed. Measured now, not at
    /// the period's end, so a past month's rate still rises as its last tickets close. Null when nothing was submitted.
    /// </summary>
    public double? ClosureRate => Submitted == 0 ? null : (double)SubmittedAndClosed / Submitted;

    /// <summary>
    /// 按时办结率: of the tickets first resolved in the period, the share resolved with no deadline missed before
    /// that first resolution (<see cref="ResolvedOnTime"/> / <see cref="FirstResolved"/>). A missed deadline is what
    /// the sweeper records for one: an <c>Escalated</c> event (an accept or resolve limit passed below the district)
    /// or an <c>Urged</c> event (催办: a limit passed at the district). Warnings (预警) are not misses. Null when
    /// nothing was resolved.
    /// </summary>
    /// <remarks>
    /// The rule reads recorded events, not recomputed deadlines, because the deadlines a ticket had are not stored.
    /// Two consequences: a resolution saved after a deadline passed but before the next sweep (at most one sweeper
    /// period, 1 s by default) counts as on time, since the sweeper no longer acts on a resolved ticket; and it relies
    /// on the sweeper being the only caller of <c>Ticket.Escalate</c>, true today. A manual escalation, if one is
    /// added, would need its own event type or a marker to be told apart.
    /// </remarks>
    public double? OnTimeRate => FirstResolved == 0 ? null : (double)ResolvedOnTime / FirstResolved;
}
