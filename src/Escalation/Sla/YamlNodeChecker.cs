using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Shape checks on YAML nodes that record a line-numbered <see cref="CalendarError"/> instead of throwing, so one
/// pass over the file reports every problem.
/// </summary>
internal sealed class YamlNodeChecker(List<CalendarError> errors)
{
    private readonly List<CalendarError> _errors = errors;

    public static long Line(YamlNode node) => node.Start.Line;

    public void Error(YamlNode node, string message) => _errors.Add(new CalendarError(Line(node), message));

    public bool TryMapping(YamlNode node, string what, [NotNullWhen(true)] out YamlMappingNode? mapping)
    {
        if (node is YamlMappingNode map)
        {
            mapping = map;
            return true;
        }

        Error(node, $"{what} must be a mapping of keys to values");
        mapping = null;
        return false;
    }

    public bool TrySequence(YamlNode node, string key, [NotNullWhen(true)] out YamlSequenceNode? sequence)
    {
        if (node is YamlSequenceNode seq)
        {
            sequence = seq;
            return true;
        }

        Error(node, $"'{key}' must be a list");
        sequence = null;
        return false;
    }

    public bool TryScalar(YamlNode node, string key, out string text)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value } && !string.IsNullOrWhiteSpace(value))
        {
            text = value.Trim();
            return true;
        }

        Error(node, $"'{key}' must be a single non-empty value");
        text = string.Empty;
        return false;
    }

    public static YamlNode? Find(YamlMappingNode mapping, string key)
    {
        foreach (var (name, value) in mapping.Children)
        {
            if (name is YamlScalarNode { Value: { } text } && string.Equals(text, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    public YamlNode? Required(YamlMappingNode mapping, string key, string what)
    {
        var node = Find(mapping, key);
        if (node is null)
        {
            Error(mapping, $"{what} is missing '{key}'");
        }

        return node;
    }

    public string? RequiredText(YamlMappingNode mapping, string key, string what) =>
        Required(mapping, key, what) is { } node && TryScalar(node, key, out var text) ? text : null;

    public void CheckKeys(YamlMappingNode mapping, FrozenSet<string> allowed, string what)
    {
        foreach (var name in mapping.Children.Keys)
        {
            var key = (name as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(key))
            {
                Error(name, $"unknown key '{key}' in {what}; expected {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
            }
        }
    }
}
