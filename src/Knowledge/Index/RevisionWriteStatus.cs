namespace CitizenBot.Knowledge.Index;

/// <summary>What <see cref="KnowledgeIndex"/> did with one curated write.</summary>
internal enum RevisionWriteStatus
{
    /// <summary>The entry and a new revision were committed together.</summary>
    Saved,

    /// <summary>The entry already had this content; nothing was written.</summary>
    Unchanged,

    /// <summary>A new entry was asked for, and the id is taken.</summary>
    IdTaken,

    /// <summary>An existing entry was asked for, and there is none with the id.</summary>
    NotFound,

    /// <summary>The entry has moved on from the revision the caller expected.</summary>
    Conflict,
}
