namespace CitizenBot.Knowledge.Content;

/// <summary>Publication state of a knowledge-base entry; only published entries are meant to be answered from.</summary>
/// <remarks>Only <see cref="Published"/> entries are indexed for search; the others are stored and kept.</remarks>
public enum EntryStatus
{
    /// <summary>The entry is live (the default when a file gives no status).</summary>
    Published,

    /// <summary>The entry is being written and must not be served.</summary>
    Draft,

    /// <summary>The entry was taken out of service: kept with its history, never answered from, publishable again.</summary>
    Retired,
}
