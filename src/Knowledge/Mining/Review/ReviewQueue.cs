namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>
/// The latest report without what admins already decided: topics accepted, attached or dismissed, and new words
/// accepted, made synonyms or dismissed. Serialize with <see cref="MiningReportJson.Options"/>.
/// </summary>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Terms">The report's terms, without decided new words.</param>
/// <param name="NewWords">New words still to review.</param>
/// <param name="Rising">Rising terms, without decided new words.</param>
/// <param name="Topics">Topics still to review.</param>
/// <param name="MonthTopic">The first remaining topic that is not a burst.</param>
/// <param name="MonthTerm">The first remaining rising term.</param>
/// <param name="Statistics">The report's statistics, unchanged.</param>
public sealed record ReviewQueue(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<MinedTerm> Terms,
    IReadOnlyList<MinedTerm> NewWords,
    IReadOnlyList<MinedTerm> Rising,
    IReadOnlyList<MinedTopic> Topics,
    MinedTopic? MonthTopic,
    MinedTerm? MonthTerm,
    MiningStatistics Statistics)
{
    internal static ReviewQueue Of(MiningRun run, IReadOnlySet<string> decidedTopics, IReadOnlySet<string> decidedTerms)
    {
        var report = run.Report;
        bool Open(MinedTerm t) => !(t.IsNew && decidedTerms.Contains(t.Term));
        var topics = report.Topics.Where(t => !decidedTopics.Contains(t.Id)).ToArray();
        var rising = report.Rising.Where(Open).ToArray();
        return new ReviewQueue(
            run.GeneratedAt,
            [.. report.Terms.Where(Open)],
            [.. report.NewWords.Where(Open)],
            rising,
            topics,
            topics.FirstOrDefault(t => !t.Burst),
            rising.FirstOrDefault(),
            report.Statistics);
    }
}
