namespace CitizenBot.Knowledge.Index;

/// <summary>What the writer reads back about an entry it is about to replace or delete.</summary>
/// <remarks><c>Json</c> is the stored entry; <c>IsPublished</c> says whether it has searchable terms.</remarks>
internal readonly record struct StoredEntry(long Seq, string Hash, bool IsPublished, string Json);
