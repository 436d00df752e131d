namespace CitizenBot.Escalation.Org;

/// <summary>Checks the people of org.yaml against the validated nodes and turns them into <see cref="OrgPerson"/>s.</summary>
internal static class OrgPeopleValidator
{
    private static readonly Dictionary<string, OrgRole> Roles = new(StringComparer.Ordinal)
    {
        ["grid-worker"] = OrgRole.GridWorker,
        ["community"] = OrgRole.Community,
        ["street"] = OrgRole.Street,
        ["district"] = OrgRole.District,
        ["admin"] = OrgRole.Admin,
    };

    /// <summary>Validates every person; <paramref name="ids"/> already holds the node ids, which people may not reuse.</summary>
    public static List<OrgPerson> Validate(
        IReadOnlyList<PersonDraft> drafts,
        IReadOnlyList<OrgNode> nodes,
        Dictionary<string, int> ids,
        OrgErrors errors)
    {
        var nodesById = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var senders = new Dictionary<string, int>(StringComparer.Ordinal);
        var workerLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var people = new List<OrgPerson>();
        foreach (var draft in drafts)
        {
            var id = OrgNodeValidator.Require(draft.Id, "id", draft.Line, errors);
            var name = OrgNodeValidator.Require(draft.Name, "name", draft.Line, errors);
            var role = ParseRole(draft, errors);
            var node = Node(draft, nodesById, errors);
            var unique = id is { } taken && OrgIds.Claim(taken, "id", ids, errors);
            var sender = draft.Sender is { } s && !OrgIds.Claim(s, "sender id", senders, errors) ? null : draft.Sender;
            if (role is { } knownRole && node is { } knownNode)
            {
                CheckRole(draft, knownRole, knownNode, workerLines, errors);
            }

            if (unique && name is { } n && role is { } r && node is { } at && (r != OrgRole.GridWorker || sender is not null))
            {
                people.Add(new OrgPerson(id!.Value.Value, n.Value, r, at.Id, sender?.Value, draft.Phone?.Value));
            }
        }

        foreach (var grid in nodes.Where(n => n.Level == OrgLevel.Grid && !workerLines.ContainsKey(n.Id)))
        {
            var line = ids.TryGetValue(grid.Id, out var gridLine) ? gridLine : 1;
            errors.Add(line, $"grid '{grid.Id}' has no grid worker; every grid has exactly one person with 'role: grid-worker'");
        }

        return people;
    }

    private static OrgRole? ParseRole(PersonDraft draft, OrgErrors errors)
    {
        if (OrgNodeValidator.Require(draft.Role, "role", draft.Line, errors) is not { } text)
        {
            return null;
        }

        if (Roles.TryGetValue(text.Value, out var role))
        {
            return role;
        }

        errors.Add(text.Line, $"unknown role '{text.Value}'; expected {string.Join(", ", Roles.Keys)}");
        return null;
    }

    private static OrgNode? Node(PersonDraft draft, Dictionary<string, OrgNode> nodesById, OrgErrors errors)
    {
        if (OrgNodeValidator.Require(draft.Node, "node", draft.Line, errors) is not { } text)
        {
            return null;
        }

        if (nodesById.TryGetValue(text.Value, out var node))
        {
            return node;
        }

        errors.Add(text.Line, $"person '{draft.Id?.Value}' is attached to unknown node '{text.Value}'");
        return null;
    }

    private static void CheckRole(
        PersonDraft draft, OrgRole role, OrgNode node, Dictionary<string, int> workerLines, OrgErrors errors)
    {
        var expected = role switch
        {
            OrgRole.GridWorker => OrgLevel.Grid,
            OrgRole.Community => OrgLevel.Community,
            OrgRole.Street => OrgLevel.Street,
            _ => OrgLevel.District,
        };
        var line = draft.Role?.Line ?? draft.Line;
        if (node.Level != expected)
        {
            errors.Add(line, $"role '{draft.Role?.Value}' belongs at a {OrgNodeValidator.Describe(expected)}, but '{node.Id}' is a {OrgNodeValidator.Describe(node.Level)}");
            return;
        }

        if (role != OrgRole.GridWorker)
        {
            return;
        }

        if (draft.Sender is null)
        {
            errors.Add(draft.Line, $"grid worker '{draft.Id?.Value}' has no 'sender' id, so the bot cannot recognize them in groups");
        }

        if (!workerLines.TryAdd(node.Id, draft.Line))
        {
            errors.Add(draft.Line, $"grid '{node.Id}' has a second grid worker '{draft.Id?.Value}' (first at line {workerLines[node.Id]}); a grid has exactly one");
        }
    }
}
