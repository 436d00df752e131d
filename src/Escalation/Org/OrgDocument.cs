namespace CitizenBot.Escalation.Org;

/// <summary>org.yaml as read, before validation: every value keeps the file line it came from.</summary>
internal sealed record OrgDocument(
    IReadOnlyList<DepartmentDraft> Departments,
    IReadOnlyList<NodeDraft> Nodes,
    IReadOnlyList<PersonDraft> People);

/// <summary>A scalar value and the 1-based file line it sits on.</summary>
internal readonly record struct YamlText(string Value, int Line);

/// <summary>One item of <c>departments:</c>; <paramref name="Line"/> is where the item starts.</summary>
internal sealed record DepartmentDraft(int Line, YamlText? Id, YamlText? Name);

/// <summary>One item of <c>nodes:</c>.</summary>
internal sealed record NodeDraft(
    int Line,
    YamlText? Id,
    YamlText? Name,
    YamlText? Level,
    YamlText? Parent,
    IReadOnlyList<YamlText> Departments,
    IReadOnlyList<YamlText> ChatGroups);

/// <summary>One item of <c>people:</c>.</summary>
internal sealed record PersonDraft(
    int Line,
    YamlText? Id,
    YamlText? Name,
    YamlText? Role,
    YamlText? Node,
    YamlText? Sender,
    YamlText? Phone);
