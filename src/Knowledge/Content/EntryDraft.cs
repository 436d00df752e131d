namespace CitizenBot.Knowledge.Content;

/// <summary>
/// The raw fields of one entry as a format read them, with the line of each key, before <see cref="EntryValidator"/>
/// checks them. Errors go straight to the shared list, and any error keeps the entry out of the result.
/// </summary>
internal sealed class EntryDraft(string file, int line, List<ContentError> errors)
{
    private readonly Dictionary<string, int> _keyLines = new(StringComparer.Ordinal);

    public string File { get; } = file;

    /// <summary>Where the entry starts: line 1 of a Markdown file, or the JSON line.</summary>
    public int Line { get; } = line;

    public bool HasErrors { get; private set; }

    public string? Id { get; set; }

    public string? Title { get; set; }

    public IReadOnlyList<DraftItem>? Questions { get; set; }

    public string? Answer { get; set; }

    public string? Category { get; set; }

    public IReadOnlyList<DraftItem>? Tags { get; set; }

    public string? Department { get; set; }

    public string? Source { get; set; }

    public string? Updated { get; set; }

    public string? Status { get; set; }

    public void SetLine(string key, int keyLine) => _keyLines[key] = keyLine;

    /// <summary>The line of <paramref name="key"/>, or the entry's first line when the key is absent.</summary>
    public int LineOf(string key) => _keyLines.TryGetValue(key, out var keyLine) ? keyLine : Line;

    public void AddError(int errorLine, string message)
    {
        errors.Add(new ContentError(File, errorLine, message));
        HasErrors = true;
    }
}
