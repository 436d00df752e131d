namespace CitizenBot.Knowledge.Curation;

/// <summary>The result of a curation write.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Entry">The saved entry when <see cref="CurationStatus.Saved"/>; the entry as it now stands on a
/// <see cref="CurationStatus.Conflict"/>; null otherwise.</param>
/// <param name="Errors">For <see cref="CurationStatus.Invalid"/>: messages per field, keyed by the bulk format's
/// field names (<c>id</c>, <c>title</c>, <c>questions</c>, <c>answer</c>, <c>category</c>, <c>tags</c>,
/// <c>department</c>, <c>source</c>, <c>status</c>); empty otherwise.</param>
public sealed record CurationOutcome(CurationStatus Status, CuratedEntry? Entry, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static CurationOutcome NotFound { get; } = new(CurationStatus.NotFound, null, NoErrors);

    public static CurationOutcome Saved(CuratedEntry entry) => new(CurationStatus.Saved, entry, NoErrors);

    public static CurationOutcome Conflict(CuratedEntry? current) => new(CurationStatus.Conflict, current, NoErrors);

    public static CurationOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(CurationStatus.Invalid, null, errors);
}
