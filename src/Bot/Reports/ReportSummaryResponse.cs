namespace CitizenBot.Bot.Reports;

/// <summary>
/// The dashboard of <c>GET /api/reports/summary</c>. Rates are fractions (0–1), null when nothing was counted;
/// definitions are those of <c>CitizenBot.Escalation.Reporting.TicketReport</c>.
/// </summary>
/// <param name="Scope">The unit reported on.</param>
/// <param name="Period">The Beijing dates covered, inclusive.</param>
/// <param name="OpenTickets">Open now (submitted, assigned, accepted, in progress), whenever filed.</param>
/// <param name="AwaitingRating">Resolved now and waiting for the resident's rating.</param>
/// <param name="Submitted">Filed in the period.</param>
/// <param name="Closed">Closed in the period.</param>
/// <param name="ClosureRate">办结率: of the tickets filed in the period, the share closed now.</param>
/// <param name="OnTimeRate">Of the tickets first resolved in the period, the share that missed no deadline.</param>
/// <param name="AverageAcceptMinutes">Mean minutes from filing to first acceptance.</param>
/// <param name="AverageResolveHours">Mean hours from filing to first resolution.</param>
/// <param name="Escalations">Moves up into each level in the period (escalations and second whistles).</param>
/// <param name="Satisfaction">Ratings given in the period.</param>
/// <param name="SupervisedOpen">Open tickets under district supervision (督办) now.</param>
/// <param name="Daily">Per day: filed and closed, for the chart.</param>
/// <param name="Supervised">The supervised tickets, most recently supervised first.</param>
internal sealed record ReportSummaryResponse(
    ReportScopeResponse Scope,
    ReportPeriodResponse Period,
    int OpenTickets,
    int AwaitingRating,
    int Submitted,
    int Closed,
    double? ClosureRate,
    double? OnTimeRate,
    double? AverageAcceptMinutes,
    double? AverageResolveHours,
    ReportEscalationsResponse Escalations,
    ReportSatisfactionResponse Satisfaction,
    int SupervisedOpen,
    IReadOnlyList<ReportDayResponse> Daily,
    IReadOnlyList<ReportSupervisedResponse> Supervised);
