namespace CitizenBot.Knowledge.Curation;

/// <summary>Why a revision of an entry was saved; spelled in files and JSON by <see cref="RevisionActionText"/>.</summary>
public enum RevisionAction
{
    /// <summary>An admin created the entry.</summary>
    Created,

    /// <summary>An admin changed the entry's content (or put it back to draft).</summary>
    Edited,

    /// <summary>An admin published the entry without changing its content.</summary>
    Published,

    /// <summary>An admin retired the entry without changing its content.</summary>
    Retired,

    /// <summary>An import (CLI, first start, or the admin import) added or changed the entry.</summary>
    Imported,

    /// <summary>The entry was created from a mined topic accepted in the review queue.</summary>
    TopicAccepted,

    /// <summary>A mined topic's examples were attached to the entry as questions.</summary>
    QuestionsAdded,
}
