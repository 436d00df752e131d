namespace CitizenBot.Knowledge.Curation;

/// <summary>
/// A line diff between two revisions of an entry as knowledge-base <c>.md</c> files: every line of both, in order,
/// removed lines before the added lines that replace them.
/// </summary>
public sealed record EntryDiff(int From, int To, IReadOnlyList<DiffLine> Lines);
