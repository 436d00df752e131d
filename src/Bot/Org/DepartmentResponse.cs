namespace CitizenBot.Bot.Org;

/// <summary>A functional department in <c>GET /api/org/departments</c>, e.g. <c>{ "id": "housing", "name": "住建" }</c>.</summary>
internal sealed record DepartmentResponse(string Id, string Name);
