namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>One online mining run: the report and when it was made (the end of its recent window).</summary>
public sealed record MiningRun(DateTimeOffset GeneratedAt, MiningReport Report);
