using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CitizenBot.Knowledge.Content;

/// <summary>Reads the YAML between the <c>---</c> lines of a Markdown entry into a draft, with file line numbers.</summary>
internal static class YamlFrontMatter
{
    /// <summary>Fills <paramref name="draft"/>; false when the YAML could not be read at all.</summary>
    /// <param name="yaml">The front matter, without its delimiter lines.</param>
    /// <param name="lineOffset">Added to YamlDotNet's 1-based lines to get file lines (1 for the opening <c>---</c>).</param>
    /// <param name="closingLine">The file line of the closing <c>---</c>, for errors YamlDotNet gives no position.</param>
    /// <param name="draft">Receives the values, key lines and errors.</param>
    public static bool Read(string yaml, int lineOffset, int closingLine, EntryDraft draft)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            draft.AddError((int)Math.Max(1, ex.Start.Line) + lineOffset, $"invalid YAML in front matter: {ex.Message}");
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this, with no position, for a flow list or quote left open at the end.
            draft.AddError(closingLine, "invalid YAML in front matter: it ends inside an open '[', '{' or quote");
            return false;
        }

        if (stream.Documents.Count == 0)
        {
            return true;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            draft.AddError(LineOf(stream.Documents[0].RootNode, lineOffset), "front matter must be 'key: value' lines");
            return false;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var line = LineOf(keyNode, lineOffset);
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                draft.AddError(line, "front matter keys must be plain names");
                continue;
            }

            draft.SetLine(key, line);
            switch (key)
            {
                case EntryKeys.Id: draft.Id = Scalar(key, value, line, draft); break;
                case EntryKeys.Title: draft.Title = Scalar(key, value, line, draft); break;
                case EntryKeys.Questions: draft.Questions = List(key, value, line, lineOffset, draft); break;
                case EntryKeys.Category: draft.Category = Scalar(key, value, line, draft); break;
                case EntryKeys.Tags: draft.Tags = List(key, value, line, lineOffset, draft); break;
                case EntryKeys.Department: draft.Department = Scalar(key, value, line, draft); break;
                case EntryKeys.Source: draft.Source = Scalar(key, value, line, draft); break;
                case EntryKeys.Updated: draft.Updated = Scalar(key, value, line, draft); break;
                case EntryKeys.Status: draft.Status = Scalar(key, value, line, draft); break;
                default: break;
            }
        }

        return true;
    }

    private static int LineOf(YamlNode node, int lineOffset) => (int)Math.Max(1, node.Start.Line) + lineOffset;

    /// <summary>An empty value, <c>~</c> or an unquoted <c>null</c> is YAML's null.</summary>
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string? Scalar(string key, YamlNode node, int line, EntryDraft draft)
    {
        if (node is YamlScalarNode scalar)
        {
            return IsNull(scalar) ? null : scalar.Value;
        }

        draft.AddError(line, $"'{key}' must be a single value, not a list or mapping");
        return null;
    }

    private static List<DraftItem>? List(string key, YamlNode node, int line, int lineOffset, EntryDraft draft)
    {
        if (node is YamlScalarNode scalar && IsNull(scalar))
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            draft.AddError(line, $"'{key}' must be a list of strings ('- item' lines or [a, b])");
            return null;
        }

        var items = new List<DraftItem>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode itemScalar)
            {
                items.Add(new DraftItem(IsNull(itemScalar) ? null : itemScalar.Value, LineOf(item, lineOffset)));
            }
            else
            {
                draft.AddError(LineOf(item, lineOffset), $"'{key}' must be a list of non-empty strings; this item is a list or mapping");
            }
        }

        return items;
    }
}
