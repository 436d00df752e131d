using CitizenBot.Bot.Auth;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Reports;

/// <summary>The dashboard figures per unit and period: <c>/api/reports</c>; staff only, within their own part of the tree.</summary>
internal static class ReportEndpoints
{
    private const int SupervisedListLength = 50;

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("/summary", GetSummaryAsync).WithName("GetReportSummary");
        return app;
    }

    /// <summary>
    /// <c>period</c> is <c>today</c> (default), <c>month</c> (the 1st to today) or <c>range</c> with <c>from</c> and
    /// <c>to</c> (Beijing dates, at most 366 days); <c>scope</c> is a unit within the caller's own (default: theirs).
    /// </summary>
    public static async Task<Results<Ok<ReportSummaryResponse>, ValidationProblem>> GetSummaryAsync(
        string? period,
        DateOnly? from,
        DateOnly? to,
        string? scope,
        StaffUser user,
        EscalationModule escalation,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var tree = escalation.OrgTree;
        var scopeId = string.IsNullOrWhiteSpace(scope) ? user.NodeId : scope.Trim();
        if (tree.FindNode(scopeId) is not { } scopeNode || !tree.IsWithin(scopeId, user.NodeId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scope"] = ["该单位不在您的管辖范围内。"] });
        }

        var now = timeProvider.GetUtcNow();
        ReportPeriod reportPeriod;
        switch (period?.Trim().ToLowerInvariant())
        {
            case null or "" or "today":
                reportPeriod = ReportPeriod.Today(now);
                break;
            case "month":
                reportPeriod = ReportPeriod.ThisMonth(now);
                break;
            case "range" when from is { } first && to is { } last:
                if (ReportPeriod.TryBetween(first, last) is not { } chosen)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [$"结束日期不能早于开始日期，范围最长 {ReportPeriod.MaxDays} 天。"] });
                }

                reportPeriod = chosen;
                break;
            case "range":
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["自选范围需要开始日期 from 和结束日期 to（yyyy-MM-dd）。"] });
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["period 可取 today、month 或 range。"] });
        }

        var reporter = escalation.TicketReporter;
        var report = await reporter.ReportAsync(scopeId, reportPeriod, cancellationToken);
        var supervised = await reporter.ListSupervisedAsync(scopeId, SupervisedListLength, cancellationToken);
        return TypedResults.Ok(Present(report, scopeNode, supervised, escalation));
    }

    private static ReportSummaryResponse Present(TicketReport report, OrgNode scope, IReadOnlyList<SupervisedTicket> supervised, EscalationModule escalation)
    {
        int Into(OrgLevel level) => report.Escalations.FirstOrDefault(e => e.Level == level)?.Total ?? 0;
        var catalog = escalation.CategoryCatalog;
        var tree = escalation.OrgTree;
        return new ReportSummaryResponse(
            new ReportScopeResponse(scope.Id, scope.Name, scope.Level),
            new ReportPeriodResponse(report.Period.From, report.Period.To),
            report.OpenNow,
            report.AwaitingRatingNow,
            report.Submitted,
            report.ClosedInPeriod,
            report.ClosureRate,
            report.OnTimeRate,
            report.AverageTimeToAccept?.TotalMinutes,
            report.AverageTimeToResolve?.TotalHours,
            new ReportEscalationsResponse(Into(OrgLevel.Community), Into(OrgLevel.Street), Into(OrgLevel.District)),
            new ReportSatisfactionResponse(report.Satisfaction.Rate, report.Satisfaction.Satisfied, report.Satisfaction.FairlySatisfied, report.Satisfaction.Dissatisfied),
            report.SupervisedOpenNow,
            [.. report.Daily.Select(d => new ReportDayResponse(d.Date, d.Submitted, d.Closed))],
            [.. supervised.Select(s => new ReportSupervisedResponse(
                s.Number.ToString(),
                catalog.TryGetItem(s.CategoryItemId, out var item) ? item.Name : s.CategoryItemId,
                s.Level,
                s.HolderNodeId is { } holder ? tree.FindNode(holder)?.Name ?? holder : null,
                s.SupervisedSince))]);
    }
}
