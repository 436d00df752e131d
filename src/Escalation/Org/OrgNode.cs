namespace CitizenBot.Escalation.Org;

/// <summary>One unit of the grid: the district, a street, a community or a base grid.</summary>
/// <param name="Id">The stable ASCII id, e.g. <c>g-xyz-01-01</c>.</param>
/// <param name="Name">The Chinese display name.</param>
/// <param name="Level">Where the node sits in the four-level tree.</param>
/// <param name="ParentId">The parent's id; null only for the district.</param>
/// <param name="Departments">For a street, the departments it can dispatch to; empty otherwise.</param>
/// <param name="ChatGroupIds">For a grid, the residents' chat groups mapped to it; empty otherwise.</param>
internal sealed record OrgNode(
    string Id,
    string Name,
    OrgLevel Level,
    string? ParentId,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<string> ChatGroupIds);
