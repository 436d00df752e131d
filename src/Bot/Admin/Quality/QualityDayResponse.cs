namespace CitizenBot.Bot.Admin.Quality;

/// <summary>One China day of handled questions.</summary>
internal sealed record QualityDayResponse(DateOnly Date, int Questions, int Answered, int Clarified, int Abstained, int Handoffs, int Rephrased);
