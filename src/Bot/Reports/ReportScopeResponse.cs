using CitizenBot.Escalation.Org;

namespace CitizenBot.Bot.Reports;

/// <summary>The unit a report covers.</summary>
internal sealed record ReportScopeResponse(string Id, string Name, OrgLevel Level);
