namespace CitizenBot.Bot.Reports;

/// <summary>The Beijing dates a report covers, inclusive.</summary>
internal sealed record ReportPeriodResponse(DateOnly From, DateOnly To);
