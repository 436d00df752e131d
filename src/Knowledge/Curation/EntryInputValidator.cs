using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Curation;

/// <summary>
/// Validates an entry that comes from a form rather than a file with the import's own rules
/// (<see cref="EntryValidator"/>), and reports each error under the field it is about.
/// </summary>
/// <remarks>
/// The validator reports errors by line. Each field is given a line of its own here (list items share their
/// field's line), so the line of an error names its field. One rule is curation's own: a category missing from a
/// non-empty catalog is an error here, while the file import accepts it (and indexes the slug as its name).
/// </remarks>
internal static class EntryInputValidator
{
    private const string InputName = "input";

    /// <summary>The field of each line: index = line.</summary>
    private static readonly string[] FieldOfLine =
    [
        string.Empty,
        EntryKeys.Id,
        EntryKeys.Title,
        EntryKeys.Questions,
        EntryKeys.Answer,
        EntryKeys.Category,
        EntryKeys.Tags,
        EntryKeys.Department,
        EntryKeys.Source,
        EntryKeys.Updated,
        EntryKeys.Status,
    ];

    /// <summary>
    /// The entry the fields make, or the errors per field. <paramref name="status"/> and <paramref name="updated"/>
    /// are the file spellings (<c>draft</c>, <c>2026-11-22</c>).
    /// </summary>
    public static (KnowledgeEntry? Entry, IReadOnlyDictionary<string, string[]> Errors) Validate(
        EntryInput input,
        string status,
        DateOnly? updated,
        FaqCategoryCatalog categories)
    {
        var errors = new List<ContentError>();
        var draft = new EntryDraft(InputName, 0, errors)
        {
            Id = input.Id,
            Title = input.Title,
            Questions = Items(input.Questions, EntryKeys.Questions),
            Answer = input.Answer,
            Category = input.Category,
            Tags = Items(input.Tags, EntryKeys.Tags),
            Department = input.Department,
            Source = input.Source,
            Updated = updated?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Status = status,
        };
        for (var line = 1; line < FieldOfLine.Length; line++)
        {
            draft.SetLine(FieldOfLine[line], line);
        }

        var entry = EntryValidator.Validate(draft).Entry;
        var byField = errors
            .GroupBy(e => e.Line >= 0 && e.Line < FieldOfLine.Length ? FieldOfLine[e.Line] : string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToList(), StringComparer.Ordinal);

        var category = input.Category is { } c ? EntryValidator.Trim(c) : null;
        if (!byField.ContainsKey(EntryKeys.Category) && category is not null && categories.Categories.Count > 0 && !categories.Contains(category))
        {
            byField[EntryKeys.Category] = [$"category '{category}' is not in {FaqCategoryCatalog.FileName}"];
            entry = null;
        }

        return (entry, byField.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    private static DraftItem[]? Items(IReadOnlyList<string>? values, string key)
    {
        var line = Array.IndexOf(FieldOfLine, key);
        return values?.Select(v => new DraftItem(v, line)).ToArray();
    }
}
