namespace CitizenBot.Knowledge.Content;

/// <summary>
/// The result of reading one entry: its id and where it was defined (for the duplicate check, even when the entry is
/// invalid) and the entry itself, null when it had errors.
/// </summary>
internal sealed record ParsedEntry(string File, string? Id, int IdLine, KnowledgeEntry? Entry)
{
    /// <summary>A file or line that did not yield an entry at all.</summary>
    public static ParsedEntry None(string file) => new(file, null, 0, null);
}
