using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Knowledge.Index;

/// <summary>One row of <c>entry_revisions</c>, or an entry with its latest revision.</summary>
/// <remarks><c>Entry</c> is the entry as that revision saved it (for the latest: the stored entry).</remarks>
internal sealed record StoredRevision(KnowledgeEntry Entry, int Revision, DateTimeOffset At, string Author, RevisionAction Action);
