namespace CitizenBot.Knowledge.Curation;

/// <summary>One page of matching entries, newest change first, and how many match in all.</summary>
public sealed record EntryPage(int Total, IReadOnlyList<CuratedEntry> Items);
