namespace CitizenBot.Knowledge.Content;

/// <summary>The outcome of parsing or reading content: every valid entry and every error, across all files.</summary>
/// <param name="Entries">
/// The entries that passed validation, in reading order. An entry with any error is left out, and so is the second
/// entry with an already used id.
/// </param>
/// <param name="Errors">Every error found; reading never stops at the first one.</param>
public sealed record ContentLoadResult(IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<ContentError> Errors)
{
    /// <summary>True when no error was found.</summary>
    public bool IsValid => Errors.Count == 0;
}
