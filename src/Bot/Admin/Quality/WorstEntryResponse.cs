namespace CitizenBot.Bot.Admin.Quality;

/// <summary>
/// An entry whose answers were often followed by the resident asking again or asking for a person; <c>BadRate</c>
/// is the share of its answers that were.
/// </summary>
internal sealed record WorstEntryResponse(string EntryId, string? Title, int Answered, int Rephrased, int Handoffs, double BadRate);
