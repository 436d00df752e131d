using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CitizenBot.Escalation.Categories;

/// <summary>
/// Walks the YAML node tree of <c>categories.yaml</c>, collecting every problem with its line instead of stopping
/// at the first. The representation model is used rather than the deserializer because it keeps each node's mark.
/// </summary>
internal sealed class CategoryYamlReader(string fileName)
{
    private static readonly string[] GroupKeys = ["id", "name", "items"];
    private static readonly string[] ItemKeys = ["id", "name", "grade", "department", "keywords"];

    private readonly List<string> _errors = [];
    private readonly HashSet<string> _groupIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _itemIds = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors => _errors;

    public static string Format(string fileName, long line, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}: {message}");

    public IReadOnlyList<CategoryGroup> ReadRoot(YamlNode root)
    {
        if (root is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            Error(root.Start, "expected a non-empty list of category groups");
            return [];
        }

        return [.. sequence.Children.Select(ReadGroup).OfType<CategoryGroup>()];
    }

    private CategoryGroup? ReadGroup(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "a group must be a mapping with id, name and items");
            return null;
        }

        CheckKeys(map, GroupKeys, "group");
        var id = ReadId(map, "group", _groupIds, CategoryIds.IsSlug, "lower-case letters, digits and '-'");
        var name = ReadText(map, "name", "group");
        var items = ReadItems(map, id);
        return id is null || name is null ? null : new CategoryGroup(id, name, items);
    }

    private ImmutableArray<CategoryItem> ReadItems(YamlMappingNode group, string? groupId)
    {
        var node = Value(group, "items");
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            Error((node ?? group).Start, $"group '{groupId}' has no items");
            return [];
        }

        return [.. sequence.Children.Select(item => ReadItem(item, groupId)).OfType<CategoryItem>()];
    }

    private CategoryItem? ReadItem(YamlNode node, string? groupId)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "an item must be a mapping with id, name, grade, department and keywords");
            return null;
        }

        CheckKeys(map, ItemKeys, "item");
        var id = groupId is null
            ? ReadText(map, "id", "item")
            : ReadId(map, "item", _itemIds, s => CategoryIds.IsItemIdOf(s, groupId), $"'{groupId}.' followed by a slug");
        var name = ReadText(map, "name", "item");
        var grade = ReadGrade(map);
        var department = ReadId(map, "item", null, CategoryIds.IsSlug, "lower-case letters, digits and '-'", "department");
        var keywords = ReadKeywords(map);
        return id is null || name is null || grade is null || department is null
            ? null
            : new CategoryItem(id, name, grade.Value, department, keywords);
    }

    private string? ReadId(
        YamlMappingNode map, string owner, HashSet<string>? seen, Func<string, bool> isValid, string rule, string key = "id")
    {
        var value = ReadText(map, key, owner);
        if (value is null)
        {
            return null;
        }

        var mark = Value(map, key)!.Start;
        if (!isValid(value))
        {
            Error(mark, $"{owner} {key} '{value}' must be {rule}");
            return null;
        }

        if (seen is not null && !seen.Add(value))
        {
            Error(mark, $"duplicate {owner} id '{value}'");
        }

        return value;
    }

    private UrgencyGrade? ReadGrade(YamlMappingNode map)
    {
        var text = ReadText(map, "grade", "item");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) && grade is >= 1 and <= 3)
        {
            return (UrgencyGrade)grade;
        }

        Error(Value(map, "grade")!.Start, $"grade '{text}' must be 1 (red), 2 (yellow) or 3 (blue)");
        return null;
    }

    private ImmutableArray<string> ReadKeywords(YamlMappingNode map)
    {
        var node = Value(map, "keywords");
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node.Start, "keywords must be a list, e.g. [漏水, 渗水]");
            return [];
        }

        var keywords = ImmutableArray.CreateBuilder<string>();
        foreach (var keyword in sequence.Children)
        {
            if (keyword is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                keywords.Add(value.Trim());
            }
            else
            {
                Error(keyword.Start, "a keyword must be non-empty text");
            }
        }

        return keywords.ToImmutable();
    }

    private string? ReadText(YamlMappingNode map, string key, string owner)
    {
        var node = Value(map, key);
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        Error((node ?? map).Start, node is null ? $"{owner} is missing '{key}'" : $"{owner} '{key}' must be non-empty text");
        return null;
    }

    private void CheckKeys(YamlMappingNode map, string[] allowed, string owner)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key.Start, $"unknown {owner} key '{key}' (expected {string.Join(", ", allowed)})");
            }
        }
    }

    private static YamlNode? Value(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private void Error(Mark mark, string message) => _errors.Add(Format(fileName, mark.Line, message));
}
