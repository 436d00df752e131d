namespace CitizenBot.Benchmarks;

/// <summary>One concurrency level of the <c>tickets-store</c> mode.</summary>
/// <param name="Concurrency">Callers submitting at once, each awaiting its ticket before the next.</param>
/// <param name="Count">Tickets submitted in the timed part.</param>
/// <param name="Seconds">Wall time of the timed part.</param>
/// <param name="P50">Median submission latency (ms).</param>
/// <param name="P99">99th percentile latency (ms).</param>
/// <param name="Max">Slowest submission (ms).</param>
/// <param name="Commits">Transactions (fsyncs) in the timed part.</param>
/// <param name="CpuSeconds">CPU time of the whole process in the timed part.</param>
/// <param name="AllocatedBytes">Managed bytes allocated in the timed part, all threads.</param>
/// <param name="Stored">Tickets in the file afterwards (warm-up included), counted with SQL.</param>
internal sealed record TicketStoreResult(int Concurrency, int Count, double Seconds, double P50, double P99, double Max, long Commits, double CpuSeconds, long AllocatedBytes, long Stored)
{
    public double PerSecond => Count / Seconds;

    public double WritesPerCommit => Commits == 0 ? 0 : (double)Count / Commits;

    public double CpuMillisecondsPerTicket => CpuSeconds * 1000 / Count;
}
