namespace CitizenBot.Knowledge.Index;

/// <summary>The outcome of a curated write and the entry's latest revision number after it (0 when none).</summary>
internal readonly record struct RevisionWriteResult(RevisionWriteStatus Status, int Revision);
