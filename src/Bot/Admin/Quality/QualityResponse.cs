namespace CitizenBot.Bot.Admin.Quality;

/// <summary>The quality view: daily counts (China days), totals with rates, and the entries residents most often were not helped by.</summary>
internal sealed record QualityResponse(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<QualityDayResponse> Days,
    QualityTotalsResponse Totals,
    IReadOnlyList<WorstEntryResponse> WorstEntries);
