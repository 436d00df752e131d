namespace CitizenBot.Escalation.Categories;

/// <summary>One reportable item of a category group, e.g. <c>drainage.blocked-sewer</c> 下水道堵塞.</summary>
/// <param name="Id">ASCII id of the form <c>group.slug</c>, unique across the catalog.</param>
/// <param name="Name">Chinese display name.</param>
/// <param name="Grade">Urgency grade.</param>
/// <param name="DepartmentId">Id of the department usually responsible (an <c>org.yaml</c> department).</param>
/// <param name="Keywords">Words residents use for the item, without the name; may be empty.</param>
internal sealed record CategoryItem(
    string Id,
    string Name,
    UrgencyGrade Grade,
    string DepartmentId,
    IReadOnlyList<string> Keywords);
