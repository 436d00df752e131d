using System.Globalization;
using System.Text;

namespace CitizenBot.Knowledge.Content;

/// <summary>
/// One entry per Markdown file: YAML front matter between <c>---</c> lines, then the answer as the Markdown body.
/// </summary>
/// <remarks>
/// CRLF line endings are read as LF, so an answer never contains <c>\r\n</c> after parsing; <see cref="Write"/> writes
/// LF. The id must equal the file name without its extension.
/// </remarks>
public static class MarkdownEntryFormat
{
    private const string Delimiter = "---";

    /// <summary>Parses one Markdown entry file.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The name used in errors, and whose stem the id must equal.</param>
    /// <returns>The entry, or the errors that kept it out.</returns>
    public static ContentLoadResult Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var collector = new ContentCollector();
        collector.Add(ParseEntry(text, fileName, collector.Errors));
        return collector.ToResult();
    }

    /// <summary>Writes <paramref name="entry"/> in the file layout <see cref="Parse"/> reads back to the same entry.</summary>
    public static string Write(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sb = new StringBuilder();
        sb.Append(Delimiter).Append('\n');
        AppendScalar(sb, EntryKeys.Id, entry.Id);
        AppendScalar(sb, EntryKeys.Title, entry.Title);
        sb.Append(EntryKeys.Questions).Append(':');
        if (entry.Questions.Count == 0)
        {
            sb.Append(" []");
        }

        sb.Append('\n');
        foreach (var question in entry.Questions)
        {
            sb.Append("  - ").Append(YamlScalarText.Format(question, inFlow: false)).Append('\n');
        }

        AppendScalar(sb, EntryKeys.Category, entry.Category);
        sb.Append(EntryKeys.Tags).Append(": [")
            .AppendJoin(", ", entry.Tags.Select(t => YamlScalarText.Format(t, inFlow: true)))
            .Append("]\n");
        AppendOptional(sb, EntryKeys.Department, entry.Department);
        AppendOptional(sb, EntryKeys.Source, entry.Source);
        AppendOptional(sb, EntryKeys.Updated, entry.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AppendScalar(sb, EntryKeys.Status, EntryStatusText.ToText(entry.Status));
        sb.Append(Delimiter).Append('\n');
        return sb.Append(entry.Answer).Append('\n').ToString();
    }

    /// <summary>Where the entry lives in a knowledge-base folder: <c>faq/&lt;category&gt;/&lt;id&gt;.md</c>.</summary>
    public static string RelativePath(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"faq/{entry.Category}/{entry.Id}.md";
    }

    /// <summary>Parses one file, adding its errors to <paramref name="errors"/> in line order.</summary>
    internal static ParsedEntry ParseEntry(string text, string fileName, List<ContentError> errors)
    {
        var firstError = errors.Count;
        var parsed = ParseLines(SplitLines(text), fileName, errors);
        var fileErrors = errors.Skip(firstError).OrderBy(e => e.Line).ToArray();
        errors.RemoveRange(firstError, fileErrors.Length);
        errors.AddRange(fileErrors);
        return parsed;
    }

    private static ParsedEntry ParseLines(string[] lines, string fileName, List<ContentError> errors)
    {
        var draft = new EntryDraft(fileName, 1, errors);
        if (!IsDelimiter(lines[0]))
        {
            draft.AddError(1, "missing front matter: the file must start with a '---' line");
            return ParsedEntry.None(fileName);
        }

        var closing = Array.FindIndex(lines, 1, IsDelimiter);
        if (closing < 0)
        {
            draft.AddError(1, "unclosed front matter: no closing '---' line");
            return ParsedEntry.None(fileName);
        }

        // Array index i holds file line i + 1, so YAML line 1 (index 1) is file line 2: offset 1.
        var yaml = string.Join('\n', lines[1..closing]);
        if (!YamlFrontMatter.Read(yaml, lineOffset: 1, closingLine: closing + 1, draft))
        {
            return ParsedEntry.None(fileName);
        }

        draft.Answer = string.Join('\n', lines[(closing + 1)..]);
        draft.SetLine(EntryKeys.Answer, closing + 1);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        if (!string.IsNullOrWhiteSpace(draft.Id) && EntryValidator.Trim(draft.Id) is var id && !string.Equals(id, stem, StringComparison.Ordinal))
        {
            draft.AddError(draft.LineOf(EntryKeys.Id), $"id '{id}' does not match the file name '{stem}'");
        }

        return EntryValidator.Validate(draft);
    }

    private static string[] SplitLines(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    private static bool IsDelimiter(string line) =>
        line.StartsWith(Delimiter, StringComparison.Ordinal) && line.AsSpan(Delimiter.Length).IsWhiteSpace();

    private static void AppendScalar(StringBuilder sb, string key, string value) =>
        sb.Append(key).Append(": ").Append(YamlScalarText.Format(value, inFlow: false)).Append('\n');

    private static void AppendOptional(StringBuilder sb, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            AppendScalar(sb, key, value);
        }
    }
}
