namespace CitizenBot.Knowledge.Curation;

/// <summary>What a line of an <see cref="EntryDiff"/> is.</summary>
public enum DiffKind
{
    /// <summary>In both revisions.</summary>
    Same,

    /// <summary>Only in the newer (<c>to</c>) revision.</summary>
    Added,

    /// <summary>Only in the older (<c>from</c>) revision.</summary>
    Removed,
}
