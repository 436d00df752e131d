using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Knowledge.Index;

/// <summary>Who saves a revision, when (UTC, stored to the millisecond) and why.</summary>
internal sealed record RevisionStamp(DateTimeOffset At, string Author, RevisionAction Action);
