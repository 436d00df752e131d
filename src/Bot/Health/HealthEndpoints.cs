using CitizenBot.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Health;

/// <summary><c>GET /health</c>: liveness plus the one fact operators check first, how many entries are searchable.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health");
        return app;
    }

    private static Ok<HealthResponse> GetHealth(KnowledgeBase knowledge) =>
        TypedResults.Ok(new HealthResponse("ok", knowledge.Index.Count));
}
