namespace CitizenBot.Knowledge.Mining;

/// <summary>What one mining run found; serialized with <see cref="MiningReportJson"/>.</summary>
/// <param name="Terms">Frequent terms, known and new (<see cref="MinedTerm.IsNew"/>), by <see cref="MinedTerm.Score"/>.</param>
/// <param name="NewWords">Only the terms the lexicon does not know, by score.</param>
/// <param name="Rising">Terms by <see cref="MinedTerm.Rise"/> (at least <see cref="MiningOptions.MinTermCount"/> recent occurrences).</param>
/// <param name="Topics">Unanswered topics: steady ones by count first, then one-day bursts by count.</param>
/// <param name="MonthTopic">每月一题: the top topic that is not a burst (null when none).</param>
/// <param name="MonthTerm">The top rising term (null when none).</param>
/// <param name="Statistics">What was mined and how long it took.</param>
public sealed record MiningReport(
    IReadOnlyList<MinedTerm> Terms,
    IReadOnlyList<MinedTerm> NewWords,
    IReadOnlyList<MinedTerm> Rising,
    IReadOnlyList<MinedTopic> Topics,
    MinedTopic? MonthTopic,
    MinedTerm? MonthTerm,
    MiningStatistics Statistics);
