namespace CitizenBot.Escalation.Reporting;

/// <summary>
/// The residents' ratings given in a report's period, one per <c>Rated</c> event: a ticket reopened by 不满意 and
/// rated again counts once per rating, since each rates a separate handling.
/// </summary>
/// <param name="Satisfied">满意.</param>
/// <param name="FairlySatisfied">基本满意.</param>
/// <param name="Dissatisfied">不满意.</param>
internal sealed record SatisfactionSummary(int Satisfied, int FairlySatisfied, int Dissatisfied)
{
    /// <summary>All ratings given.</summary>
    public int Total => Satisfied + FairlySatisfied + Dissatisfied;

    /// <summary>满意率: the share of 满意 and 基本满意 among all ratings (0–1); null when nobody rated.</summary>
    public double? Rate => Total == 0 ? null : (double)(Satisfied + FairlySatisfied) / Total;
}
