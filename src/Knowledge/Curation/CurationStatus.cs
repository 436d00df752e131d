namespace CitizenBot.Knowledge.Curation;

/// <summary>How a curation write ended.</summary>
public enum CurationStatus
{
    /// <summary>The entry is stored as asked (or already was: no new revision then).</summary>
    Saved,

    /// <summary>The input broke a content rule; nothing was written. See <see cref="CurationOutcome.Errors"/>.</summary>
    Invalid,

    /// <summary>No entry has the id.</summary>
    NotFound,

    /// <summary>The id is taken (create), or the entry moved on from the expected revision (update).</summary>
    Conflict,
}
