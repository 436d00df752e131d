using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Curation;

/// <summary>A stored entry with its latest revision: its number, when (UTC) and by whom it was saved.</summary>
public sealed record CuratedEntry(KnowledgeEntry Entry, int Revision, DateTimeOffset ChangedAt, string ChangedBy);
