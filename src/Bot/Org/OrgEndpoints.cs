using CitizenBot.Escalation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Org;

/// <summary>The district's grid tree, a public read: <c>/api/org</c>.</summary>
internal static class OrgEndpoints
{
    public static IEndpointRouteBuilder MapOrgEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/org").WithTags("Org");
        api.MapGet("/", GetTree).WithName("GetOrgTree");
        return app;
    }

    /// <summary>The four-level tree from the district down to the grids, in org.yaml order.</summary>
    public static Ok<OrgNodeResponse> GetTree(EscalationModule escalation)
    {
        var tree = escalation.OrgTree;
        return TypedResults.Ok(OrgNodeResponse.From(tree, tree.District));
    }
}
