using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Bot.Admin.Entries;

/// <summary>Between the curator's records and the admin API's JSON.</summary>
internal static class AdminEntryPresenter
{
    public static AdminEntryResponse Present(CuratedEntry curated)
    {
        var e = curated.Entry;
        return new(e.Id, e.Title, e.Questions, e.Answer, e.Category, e.Tags, e.Department, e.Source, e.Updated, e.Status, curated.Revision, curated.ChangedAt, curated.ChangedBy);
    }

    public static AdminEntrySummary Summarize(CuratedEntry curated)
    {
        var e = curated.Entry;
        return new(e.Id, e.Title, e.Category, e.Status, e.Updated, curated.Revision, curated.ChangedAt, curated.ChangedBy);
    }

    /// <summary>
    /// The request as the curator's input. A null list item becomes an empty string, so the curator's validation
    /// reports it as the blank item it is instead of it vanishing silently.
    /// </summary>
    public static EntryInput ToInput(AdminEntryRequest request) => new(
        request.Id,
        request.Title,
        request.Questions?.Select(q => q ?? string.Empty).ToArray(),
        request.Answer,
        request.Category,
        request.Tags?.Select(t => t ?? string.Empty).ToArray(),
        request.Department,
        request.Source,
        request.Status);
}
