namespace CitizenBot.Knowledge.Index;

/// <summary>What must hold for a curated write to go ahead, checked inside its transaction.</summary>
/// <param name="MustBeNew">True: the id must be free (create); false: the entry must exist (update).</param>
/// <param name="ExpectedRevision">When given, the entry's latest revision must be this one.</param>
internal readonly record struct RevisionPrecondition(bool MustBeNew, int? ExpectedRevision)
{
    public static RevisionPrecondition New => new(true, null);

    public static RevisionPrecondition Existing(int? expectedRevision) => new(false, expectedRevision);
}
