using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CitizenBot.Escalation.Org;

/// <summary>Reads org.yaml into line-tagged drafts; shape errors go to <see cref="OrgErrors"/>, meaning is checked later.</summary>
internal static class OrgYamlReader
{
    private static readonly string[] DepartmentKeys = ["id", "name"];
    private static readonly string[] NodeKeys = ["id", "name", "level", "parent", "departments", "chat-groups"];
    private static readonly string[] PersonKeys = ["id", "name", "role", "node", "sender", "phone"];

    /// <summary>The drafts, or null when the text is not a YAML mapping at all (the reason is then in <paramref name="errors"/>).</summary>
    public static OrgDocument? Read(string yaml, OrgErrors errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            errors.Add((int)ex.Start.Line, $"invalid YAML: {ex.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this, with no position, for a flow list or quote left open at the end.
            errors.Add(yaml.Split('\n').Length, "invalid YAML: the file ends inside an open '[', '{' or quote");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(1, "org.yaml must be a mapping with 'departments:', 'nodes:' and 'people:' lists");
            return null;
        }

        var departments = new List<DepartmentDraft>();
        var nodes = new List<NodeDraft>();
        var people = new List<PersonDraft>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "departments": departments.AddRange(Items(value, key, DepartmentKeys, errors, ReadDepartment)); break;
                case "nodes": nodes.AddRange(Items(value, key, NodeKeys, errors, ReadNode)); break;
                case "people": people.AddRange(Items(value, key, PersonKeys, errors, ReadPerson)); break;
                default: errors.Add(LineOf(keyNode), $"unknown top-level key '{key}'; expected departments, nodes or people"); break;
            }
        }

        return new OrgDocument(departments, nodes, people);
    }

    private static DepartmentDraft ReadDepartment(int line, Fields f) => new(line, f.Text("id"), f.Text("name"));

    private static NodeDraft ReadNode(int line, Fields f) =>
        new(line, f.Text("id"), f.Text("name"), f.Text("level"), f.Text("parent"), f.List("departments"), f.List("chat-groups"));

    private static PersonDraft ReadPerson(int line, Fields f) =>
        new(line, f.Text("id"), f.Text("name"), f.Text("role"), f.Text("node"), f.Text("sender"), f.Text("phone"));

    private static IEnumerable<T> Items<T>(
        YamlNode value, string section, string[] allowedKeys, OrgErrors errors, Func<int, Fields, T> read)
    {
        if (value is YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(LineOf(value), $"'{section}' must be a list of '- id: …' items");
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                errors.Add(LineOf(item), $"each item of '{section}' must be a mapping of 'key: value' pairs");
                continue;
            }

            yield return read(LineOf(item), new Fields(mapping, section, allowedKeys, errors));
        }
    }

    internal static int LineOf(YamlNode node) => (int)node.Start.Line;

    /// <summary>The keys of one list item, checked for unknown and repeated keys as it is built.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
        private readonly OrgErrors _errors;

        public Fields(YamlMappingNode mapping, string section, string[] allowedKeys, OrgErrors errors)
        {
            _errors = errors;
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!allowedKeys.Contains(key, StringComparer.Ordinal))
                {
                    errors.Add(LineOf(keyNode), $"unknown key '{key}' in '{section}'; expected {string.Join(", ", allowedKeys)}");
                }
                else if (!_values.TryAdd(key, value))
                {
                    errors.Add(LineOf(keyNode), $"key '{key}' appears twice in one item");
                }
            }
        }

        public YamlText? Text(string key)
        {
            if (!_values.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node is YamlScalarNode scalar)
            {
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : new YamlText(scalar.Value.Trim(), LineOf(node));
            }

            _errors.Add(LineOf(node), $"'{key}' must be a single value, not a list or mapping");
            return null;
        }

        public IReadOnlyList<YamlText> List(string key)
        {
            if (!_values.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" })
            {
                return [];
            }

            if (node is not YamlSequenceNode sequence)
            {
                _errors.Add(LineOf(node), $"'{key}' must be a list of ids ('[a, b]' or '- a' lines)");
                return [];
            }

            var items = new List<YamlText>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                {
                    items.Add(new YamlText(value.Trim(), LineOf(item)));
                }
                else
                {
                    _errors.Add(LineOf(item), $"'{key}' must list non-empty ids");
                }
            }

            return items;
        }
    }
}
