namespace CitizenBot.Knowledge.Curation;

/// <summary>
/// The stored and API spelling of <see cref="RevisionAction"/>: <c>created</c>, <c>edited</c>, <c>published</c>,
/// <c>retired</c>, <c>imported</c>, <c>topic-accepted</c>, <c>questions-added</c>.
/// </summary>
public static class RevisionActionText
{
    private static readonly RevisionAction[] All = Enum.GetValues<RevisionAction>();

    public static string ToText(RevisionAction action) => action switch
    {
        RevisionAction.Created => "created",
        RevisionAction.Edited => "edited",
        RevisionAction.Published => "published",
        RevisionAction.Retired => "retired",
        RevisionAction.Imported => "imported",
        RevisionAction.TopicAccepted => "topic-accepted",
        RevisionAction.QuestionsAdded => "questions-added",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown revision action."),
    };

    /// <summary>Parses the exact lower-case spelling.</summary>
    public static bool TryParse(string text, out RevisionAction action)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text, ToText(candidate), StringComparison.Ordinal))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }
}
