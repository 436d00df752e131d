namespace CitizenBot.Bot.Reports;

/// <summary>One day of the chart.</summary>
internal sealed record ReportDayResponse(DateOnly Date, int Submitted, int Closed);
