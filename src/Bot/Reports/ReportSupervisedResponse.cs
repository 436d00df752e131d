using CitizenBot.Escalation.Org;

namespace CitizenBot.Bot.Reports;

/// <summary>A ticket under supervision, for the 督办 list.</summary>
internal sealed record ReportSupervisedResponse(string Number, string Category, OrgLevel? Level, string? Holder, DateTimeOffset Since);
