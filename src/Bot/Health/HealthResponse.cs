namespace CitizenBot.Bot.Health;

/// <summary>Body of <c>GET /health</c>.</summary>
internal sealed record HealthResponse(string Status, int SearchableEntries);
