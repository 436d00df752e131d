namespace CitizenBot.Bot.Admin.Quality;

/// <summary>The period's questions and the share of each outcome (0–1).</summary>
internal sealed record QualityTotalsResponse(
    int Questions,
    double AnswerRate,
    double ClarifyRate,
    double AbstainRate,
    double HandoffRate,
    double RephraseRate);
