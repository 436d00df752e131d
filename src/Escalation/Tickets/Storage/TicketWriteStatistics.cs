namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>What a store's group commit has done since it was opened.</summary>
/// <param name="Commits">Transactions committed, one fsync each under synchronous=FULL.</param>
/// <param name="Writes">Writes those transactions carried, failed ones (rolled back to their savepoint) and ones cancelled while queued included.</param>
internal sealed record TicketWriteStatistics(long Commits, long Writes)
{
    /// <summary>Writes per commit on average: 1 when every caller waited alone, more when they queued up.</summary>
    public double WritesPerCommit => Commits == 0 ? 0 : (double)Writes / Commits;
}
