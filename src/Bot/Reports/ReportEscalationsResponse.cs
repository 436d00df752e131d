namespace CitizenBot.Bot.Reports;

/// <summary>Moves up into each level above the grid.</summary>
internal sealed record ReportEscalationsResponse(int Community, int Street, int District);
