using System.Globalization;
using System.Text.RegularExpressions;

namespace CitizenBot.Knowledge.Content;

/// <summary>
/// Checks a draft against the content rules and builds the entry. Values are trimmed of ASCII whitespace only, so an
/// ideographic space (U+3000) the author wrote stays; no other change is made to the text.
/// </summary>
internal static partial class EntryValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxQuestionLength = 200;
    public const int MaxAnswerLength = 20_000;

    private static readonly char[] AsciiWhitespace = [' ', '\t', '\r', '\n', '\f', '\v'];

    public static ParsedEntry Validate(EntryDraft draft)
    {
        var id = Required(draft, EntryKeys.Id, draft.Id);
        if (id is not null && !SlugPattern().IsMatch(id))
        {
            draft.AddError(draft.LineOf(EntryKeys.Id), $"id '{id}' must be 1-80 characters of a-z, 0-9, '-', '_' or '.', starting with a letter or digit");
        }

        var title = Required(draft, EntryKeys.Title, draft.Title);
        if (title is not null)
        {
            CheckLength(draft, EntryKeys.Title, title, draft.LineOf(EntryKeys.Title), MaxTitleLength);
        }

        var answer = Required(draft, EntryKeys.Answer, draft.Answer);
        if (answer is not null)
        {
            CheckLength(draft, EntryKeys.Answer, answer, draft.LineOf(EntryKeys.Answer), MaxAnswerLength);
        }

        var category = Required(draft, EntryKeys.Category, draft.Category);
        if (category is not null && !SlugPattern().IsMatch(category))
        {
            // The category names a folder (faq/<category>/<id>.md), so it follows the id rules.
            draft.AddError(draft.LineOf(EntryKeys.Category), $"category '{category}' must be 1-80 characters of a-z, 0-9, '-', '_' or '.', starting with a letter or digit");
        }

        var questions = StringList(draft, EntryKeys.Questions, draft.Questions);
        var tags = StringList(draft, EntryKeys.Tags, draft.Tags);
        foreach (var (question, line) in questions)
        {
            CheckLength(draft, "a question", question, line, MaxQuestionLength);
        }

        var updated = ParseDate(draft);
        var status = ParseStatus(draft);
        var entry = draft.HasErrors
            ? null
            : new KnowledgeEntry(
                id!,
                title!,
                DistinctQuestions(questions, title!),
                answer!,
                category!,
                tags.Select(t => t.Value).ToArray(),
                Optional(draft.Department),
                Optional(draft.Source),
                updated,
                status);
        return new ParsedEntry(draft.File, id, draft.LineOf(EntryKeys.Id), entry);
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_.-]{0,79}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <summary>Trims ASCII whitespace only.</summary>
    public static string Trim(string value) => value.Trim(AsciiWhitespace);

    private static string? Optional(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Trim(value);

    private static string? Required(EntryDraft draft, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            draft.AddError(draft.LineOf(key), key == EntryKeys.Answer && draft.Answer is not null
                ? "answer is empty"
                : $"'{key}' is missing or blank");
            return null;
        }

        return Trim(value);
    }

    private static List<(string Value, int Line)> StringList(EntryDraft draft, string key, IReadOnlyList<DraftItem>? items)
    {
        var values = new List<(string, int)>();
        foreach (var item in items ?? [])
        {
            if (string.IsNullOrWhiteSpace(item.Value))
            {
                draft.AddError(item.Line, $"'{key}' must be a list of non-empty strings; this item is blank");
                continue;
            }

            values.Add((Trim(item.Value), item.Line));
        }

        return values;
    }

    private static string[] DistinctQuestions(List<(string Value, int Line)> questions, string title)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { title };
        return questions.Select(q => q.Value).Where(seen.Add).ToArray();
    }

    private static void CheckLength(EntryDraft draft, string what, string value, int line, int maxLength)
    {
        // Counted in Unicode scalar values, so a character outside the BMP counts once.
        var length = value.EnumerateRunes().Count();
        if (length > maxLength)
        {
            draft.AddError(line, string.Create(CultureInfo.InvariantCulture, $"{what} is {length} characters long; the limit is {maxLength}"));
        }
    }

    private static DateOnly? ParseDate(EntryDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Updated))
        {
            return null;
        }

        var text = Trim(draft.Updated);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        draft.AddError(draft.LineOf(EntryKeys.Updated), $"updated '{text}' is not a date in YYYY-MM-DD form");
        return null;
    }

    private static EntryStatus ParseStatus(EntryDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Status))
        {
            return EntryStatus.Published;
        }

        var text = Trim(draft.Status);
        if (EntryStatusText.TryParse(text, out var status))
        {
            return status;
        }

        draft.AddError(draft.LineOf(EntryKeys.Status), $"unknown status '{text}'; expected '{EntryStatusText.Published}', '{EntryStatusText.Draft}' or '{EntryStatusText.Retired}'");
        return EntryStatus.Published;
    }
}
