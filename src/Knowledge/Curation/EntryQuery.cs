using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Curation;

/// <summary>A page of the entry list.</summary>
/// <param name="Q">Case-insensitive substring of the id, the title or a question; null or blank matches all.</param>
/// <param name="Status">Only entries with this status; null for all.</param>
/// <param name="Category">Only entries of this category slug; null for all.</param>
/// <param name="Page">1-based page number (values below 1 read as 1).</param>
/// <param name="PageSize">Entries per page, 1–200 (clamped; default 20).</param>
public sealed record EntryQuery(string? Q = null, EntryStatus? Status = null, string? Category = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;
}
