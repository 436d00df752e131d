namespace CitizenBot.Knowledge.Content;

/// <summary>Reads a knowledge base from disk: a folder of Markdown entries or a JSON Lines file.</summary>
public static class KnowledgeContentReader
{
    private const string FaqFolder = "faq";
    private const string ReadmeFileName = "README.md";

    private static readonly EnumerationOptions MarkdownSearch = new()
    {
        RecurseSubdirectories = true,
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    /// <summary>
    /// Reads <paramref name="path"/> and validates the whole set, reporting every error of every file and every
    /// repeated id (on its second and later definitions, naming the first).
    /// </summary>
    /// <param name="path">
    /// A <c>.jsonl</c> file; a single <c>.md</c> entry; or a folder, of which every <c>*.md</c> under its <c>faq</c>
    /// subfolder (or, without one, under the folder itself) is read recursively in ordinal path order, skipping files
    /// named README.md. Errors name files relative to the folder, or the file path as given.
    /// </param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<ContentLoadResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return await ReadFolderAsync(path, cancellationToken);
        }

        var collector = new ContentCollector();
        if (!File.Exists(path))
        {
            collector.Errors.Add(new ContentError(path, 0, "path not found"));
        }
        else if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            if (await ReadTextAsync(path, path, collector.Errors, cancellationToken) is { } text)
            {
                return JsonlEntryFormat.Parse(new StringReader(text), path);
            }
        }
        else if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            await ReadMarkdownAsync(path, path, collector, cancellationToken);
        }
        else
        {
            collector.Errors.Add(new ContentError(path, 0, "not a content file: expected a .jsonl file, a .md file or a folder"));
        }

        return collector.ToResult();
    }

    private static async Task<ContentLoadResult> ReadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var faq = Path.Combine(folder, FaqFolder);
        var files = Directory.EnumerateFiles(Directory.Exists(faq) ? faq : folder, "*.md", MarkdownSearch)
            .Where(f => !string.Equals(Path.GetFileName(f), ReadmeFileName, StringComparison.OrdinalIgnoreCase))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        var collector = new ContentCollector();
        foreach (var (full, relative) in files)
        {
            await ReadMarkdownAsync(full, relative, collector, cancellationToken);
        }

        return collector.ToResult();
    }

    private static async Task ReadMarkdownAsync(string path, string name, ContentCollector collector, CancellationToken cancellationToken)
    {
        if (await ReadTextAsync(path, name, collector.Errors, cancellationToken) is { } text)
        {
            collector.Add(MarkdownEntryFormat.ParseEntry(text, name, collector.Errors));
        }
    }

    private static async Task<string?> ReadTextAsync(string path, string name, List<ContentError> errors, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ContentError(name, 0, $"cannot read the file: {ex.Message}"));
            return null;
        }

        if (Utf8Text.TryDecode(bytes, out var text, out var invalidLine))
        {
            return text;
        }

        errors.Add(new ContentError(name, invalidLine, "the file is not valid UTF-8"));
        return null;
    }
}
