namespace CitizenBot.Knowledge.Mining;

/// <summary>The size of a mining run.</summary>
/// <param name="RecentFrom">Start (exclusive) of the recent window.</param>
/// <param name="RecentTo">End (inclusive) of the recent window.</param>
/// <param name="PreviousFrom">Start (exclusive) of the previous window.</param>
/// <param name="RecentMessages">Messages in the recent window.</param>
/// <param name="PreviousMessages">Messages in the previous window.</param>
/// <param name="Candidates">N-gram candidates that passed the frequency floor before cohesion and entropy.</param>
/// <param name="NGramPruneFloor">
/// N-grams seen at most this often were dropped to keep the counters within <see cref="MiningOptions.MaxNGrams"/>
/// (0: nothing was dropped, counts are exact).
/// </param>
/// <param name="Clusters">Question clusters before the merge step (singletons included).</param>
/// <param name="Searches">Knowledge-base searches made to check topics and find their closest entries.</param>
/// <param name="ElapsedMilliseconds">Time spent mining (reading input excluded).</param>
public sealed record MiningStatistics(
    DateTimeOffset RecentFrom,
    DateTimeOffset RecentTo,
    DateTimeOffset PreviousFrom,
    int RecentMessages,
    int PreviousMessages,
    int Candidates,
    int NGramPruneFloor,
    int Clusters,
    int Searches,
    long ElapsedMilliseconds);
