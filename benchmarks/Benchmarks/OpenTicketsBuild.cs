namespace CitizenBot.Benchmarks;

/// <summary>How a cached database of open tickets was built.</summary>
/// <param name="Open">Tickets in it, every one open (assigned, accepted or in progress) with a pending deadline.</param>
/// <param name="Seconds">Time to file them all through the store.</param>
/// <param name="Commits">Transactions the store's group commit needed for that.</param>
/// <param name="FileBytes">Size of the file once closed (WAL checkpointed).</param>
/// <param name="BuiltAt">When it was built (UTC, ISO 8601).</param>
internal sealed record OpenTicketsBuild(int Open, double Seconds, long Commits, long FileBytes, string BuiltAt)
{
    public double TicketsPerSecond => Seconds > 0 ? Open / Seconds : 0;
}
