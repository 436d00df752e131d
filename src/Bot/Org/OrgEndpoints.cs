using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Org;

/// <summary>The district's grid tree, a public read: <c>/api/org</c>.</summary>
internal static class OrgEndpoints
{
    public static IEndpointRouteBuilder MapOrgEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/org").WithTags("Org");
        api.MapGet("/", GetTree).WithName("GetOrgTree");
        api.MapGet("/departments", GetDepartments).WithName("GetDepartments");
        return app;
    }

    /// <summary>The four-level tree from the district down to the grids, in org.yaml order.</summary>
    public static Ok<OrgNodeResponse> GetTree(EscalationModule escalation)
    {
        var tree = escalation.OrgTree;
        return TypedResults.Ok(OrgNodeResponse.From(tree, tree.District));
    }

    /// <summary>
    /// The functional departments a node can dispatch to, for the console's picker: a street's own list, every
    /// department of the district's streets for the district, none below a street. Without <paramref name="nodeId"/>,
    /// every department org.yaml names on a street.
    /// </summary>
    public static Results<Ok<IReadOnlyList<DepartmentResponse>>, NotFound> GetDepartments(EscalationModule escalation, string? nodeId = null)
    {
        var tree = escalation.OrgTree;
        IEnumerable<Department> departments;
        if (string.IsNullOrWhiteSpace(nodeId) || tree.FindNode(nodeId) is { Level: OrgLevel.District })
        {
            departments = tree.Nodes.SelectMany(n => n.Departments).DistinctBy(d => d.Id);
        }
        else if (tree.FindNode(nodeId) is { } node)
        {
            departments = node.Departments;
        }
        else
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok<IReadOnlyList<DepartmentResponse>>([.. departments.Select(d => new DepartmentResponse(d.Id, d.Name))]);
    }
}
