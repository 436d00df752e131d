namespace CitizenBot.Escalation.Org;

/// <summary>Checks the departments and nodes of org.yaml and turns the valid ones into <see cref="OrgNode"/>s.</summary>
internal static class OrgNodeValidator
{
    private static readonly Dictionary<string, OrgLevel> Levels = new(StringComparer.Ordinal)
    {
        ["district"] = OrgLevel.District,
        ["street"] = OrgLevel.Street,
        ["community"] = OrgLevel.Community,
        ["grid"] = OrgLevel.Grid,
    };

    /// <summary>Validates every node; <paramref name="ids"/> records the line of each id already taken in the file.</summary>
    public static List<OrgNode> Validate(OrgDocument document, Dictionary<string, int> ids, OrgErrors errors)
    {
        var departments = ValidateDepartments(document.Departments, errors);
        var drafts = new List<(NodeDraft Draft, string Id, OrgLevel? Level)>();
        foreach (var draft in document.Nodes)
        {
            Require(draft.Name, "name", draft.Line, errors);
            var level = ParseLevel(draft, errors);
            if (Require(draft.Id, "id", draft.Line, errors) is { } id && OrgIds.Claim(id, "id", ids, errors))
            {
                drafts.Add((draft, id.Value, level));
            }
        }

        var levelById = drafts.ToDictionary(d => d.Id, d => d.Level, StringComparer.Ordinal);
        CheckSingleDistrict(drafts.Where(d => d.Level == OrgLevel.District).Select(d => d.Draft).ToList(), errors);
        var chatGroups = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodes = new List<OrgNode>();
        foreach (var (draft, id, level) in drafts)
        {
            CheckParent(draft, level, levelById, errors);
            var nodeDepartments = Departments(draft, level, departments, errors);
            var groups = ChatGroups(draft, level, chatGroups, errors);
            if (level is { } known && draft.Name is { } name)
            {
                nodes.Add(new OrgNode(id, name.Value, known, draft.Parent?.Value, nodeDepartments, groups));
            }
        }

        return nodes;
    }

    private static Dictionary<string, Department> ValidateDepartments(IReadOnlyList<DepartmentDraft> drafts, OrgErrors errors)
    {
        var departments = new Dictionary<string, Department>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var name = Require(draft.Name, "name", draft.Line, errors);
            if (Require(draft.Id, "id", draft.Line, errors) is { } id
                && OrgIds.Claim(id, "department id", lines, errors) && name is { } known)
            {
                departments.Add(id.Value, new Department(id.Value, known.Value));
            }
        }

        return departments;
    }

    private static OrgLevel? ParseLevel(NodeDraft draft, OrgErrors errors)
    {
        if (Require(draft.Level, "level", draft.Line, errors) is not { } text)
        {
            return null;
        }

        if (Levels.TryGetValue(text.Value, out var level))
        {
            return level;
        }

        errors.Add(text.Line, $"unknown level '{text.Value}'; expected {string.Join(", ", Levels.Keys)}");
        return null;
    }

    private static void CheckSingleDistrict(List<NodeDraft> districts, OrgErrors errors)
    {
        if (districts.Count == 0)
        {
            errors.Add(1, "the tree needs exactly one node with 'level: district' as its root; there is none");
        }

        foreach (var extra in districts.Skip(1))
        {
            errors.Add(extra.Line, $"a second district '{extra.Id?.Value}'; the tree has exactly one district root (first at line {districts[0].Line})");
        }
    }

    private static void CheckParent(NodeDraft draft, OrgLevel? level, Dictionary<string, OrgLevel?> levelById, OrgErrors errors)
    {
        var id = draft.Id?.Value;
        if (draft.Parent is not { } parent)
        {
            if (level is not null and not OrgLevel.District)
            {
                errors.Add(draft.Line, $"{Describe(level.Value)} '{id}' has no 'parent'");
            }

            return;
        }

        if (level == OrgLevel.District)
        {
            errors.Add(parent.Line, $"the district '{id}' is the root and cannot have a parent");
        }
        else if (!levelById.TryGetValue(parent.Value, out var parentLevel))
        {
            errors.Add(parent.Line, $"unknown parent '{parent.Value}' of '{id}'");
        }
        else if (level is { } child && parentLevel is { } actual && actual != child - 1)
        {
            errors.Add(parent.Line, $"level out of order: {Describe(child)} '{id}' is under {Describe(actual)} '{parent.Value}'; a {Describe(child)} belongs under a {Describe(child - 1)}");
        }
    }

    private static List<Department> Departments(
        NodeDraft draft, OrgLevel? level, Dictionary<string, Department> departments, OrgErrors errors)
    {
        var result = new List<Department>();
        if (draft.Departments.Count > 0 && level is not null and not OrgLevel.Street)
        {
            errors.Add(draft.Departments[0].Line, $"only streets list 'departments'; '{draft.Id?.Value}' is a {Describe(level.Value)}");
        }

        foreach (var item in draft.Departments)
        {
            if (departments.TryGetValue(item.Value, out var department))
            {
                result.Add(department);
            }
            else
            {
                errors.Add(item.Line, $"unknown department '{item.Value}'; add it under 'departments:' first");
            }
        }

        return result;
    }

    private static List<string> ChatGroups(NodeDraft draft, OrgLevel? level, Dictionary<string, int> seen, OrgErrors errors)
    {
        if (draft.ChatGroups.Count > 0 && level is not null and not OrgLevel.Grid)
        {
            errors.Add(draft.ChatGroups[0].Line, $"only grids list 'chat-groups'; '{draft.Id?.Value}' is a {Describe(level.Value)}");
        }

        return draft.ChatGroups
            .Where(group => OrgIds.Claim(group, "chat group", seen, errors))
            .Select(group => group.Value)
            .ToList();
    }

    internal static YamlText? Require(YamlText? value, string key, int line, OrgErrors errors)
    {
        if (value is null)
        {
            errors.Add(line, $"missing '{key}'");
        }

        return value;
    }

    internal static string Describe(OrgLevel level) => level.ToString().ToLowerInvariant();
}
