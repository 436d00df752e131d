using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Curation;

/// <summary>One saved version of an entry, as the history lists it: the status and title it had then.</summary>
/// <remarks><c>At</c> is when it was saved, UTC, to the millisecond.</remarks>
public sealed record EntryRevision(int Revision, DateTimeOffset At, string Author, RevisionAction Action, EntryStatus Status, string Title);
