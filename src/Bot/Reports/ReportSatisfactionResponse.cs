namespace CitizenBot.Bot.Reports;

/// <summary>Ratings and the share of 满意 + 基本满意.</summary>
internal sealed record ReportSatisfactionResponse(double? Rate, int Satisfied, int FairlySatisfied, int Dissatisfied);
