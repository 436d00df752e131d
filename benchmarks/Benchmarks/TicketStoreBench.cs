using System.Diagnostics;
using System.Globalization;
using System.Text;
using CitizenBot.Escalation.Tickets.Desk;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Benchmarks;

/// <summary>
/// The <c>tickets-store</c> mode: ticket creation throughput of <see cref="TicketDesk.SubmitAsync"/> (what the HTTP
/// endpoint calls) on a real <c>tickets.db</c> (WAL, synchronous=FULL) in the OS temp folder, at each concurrency:
/// that many callers each submit, await, and submit again until the count is reached. A fresh file per level.
/// </summary>
internal static class TicketStoreBench
{
    private const double TargetPerSecond = 1_000;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        TicketStoreSettings settings;
        try
        {
            settings = TicketStoreSettings.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var output = Console.Out;
        await output.WriteLineAsync(MachineInfo.Describe());
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Command: tickets-store --concurrency {string.Join(',', settings.Concurrency)} --count {settings.Count} --warmup {settings.Warmup}"));
        await output.WriteLineAsync();

        var folder = Path.Combine(IndexCache.Folder, string.Create(CultureInfo.InvariantCulture, $"tickets-store-{Environment.ProcessId}"));
        var data = await EscalationBenchData.LoadAsync(Path.Combine(folder, "tickets.db"), cancellationToken);
        var results = new List<TicketStoreResult>();
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var concurrency in settings.Concurrency)
            {
                var result = await MeasureAsync(data, folder, concurrency, settings, cancellationToken);
                results.Add(result);
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"concurrency {concurrency}: {result.PerSecond:N0} tickets/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, {result.WritesPerCommit:F1} tickets/commit"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Load average at end (1/5/15 min): {MachineInfo.LoadAverage()}"));
        await output.WriteLineAsync();
        await output.WriteLineAsync(Table(results, settings));
        return results.All(r => r.Stored == r.Count + settings.Warmup) ? 0 : 1;
    }

    private static async Task<TicketStoreResult> MeasureAsync(EscalationBenchData data, string folder, int concurrency, TicketStoreSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"tickets-{concurrency}.db"));
        IndexCache.DeleteDatabase(path);
        await using var store = await TicketStore.OpenAsync(path, TimeProvider.System, cancellationToken);
        var desk = new TicketDesk(store, data.Org, data.Policy, data.Calendar, TimeProvider.System, NullLogger<TicketDesk>.Instance);

        await SubmitAllAsync(desk, data, concurrency, settings.Warmup, new double[settings.Warmup], cancellationToken);

        var latencies = new double[settings.Count];
        var commits = store.WriteStatistics.Commits;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await SubmitAllAsync(desk, data, concurrency, settings.Count, latencies, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        commits = store.WriteStatistics.Commits - commits;

        long stored;
        await using (var connection = new TicketConnectionFactory(path).Open())
        await using (var command = connection.CreateCommand())
        {
            // Counted with their history: a ticket without its events would not be stored as the desk means it.
            command.CommandText = "SELECT count(*) FROM tickets t WHERE EXISTS (SELECT 1 FROM ticket_events e WHERE e.number = t.number)";
            stored = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        Array.Sort(latencies);
        return new TicketStoreResult(concurrency, settings.Count, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], commits, cpuSeconds, allocated, stored);
    }

    /// <summary><paramref name="concurrency"/> callers submit until <paramref name="count"/> tickets are in; each latency lands at its ticket's slot.</summary>
    private static async Task SubmitAllAsync(TicketDesk desk, EscalationBenchData data, int concurrency, int count, double[] latencies, CancellationToken cancellationToken)
    {
        var next = -1;
        async Task CallerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await desk.SubmitAsync(data.Complaint(i), cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(CallerAsync, cancellationToken)));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Table(List<TicketStoreResult> results, TicketStoreSettings settings)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"#### Ticket creation through `TicketDesk.SubmitAsync` ({settings.Count:N0} tickets per level after {settings.Warmup:N0} warm-up; fresh WAL file, synchronous=FULL)");
        sb.AppendLine();
        sb.AppendLine("| Concurrency | tickets/s | p50 (ms) | p99 (ms) | max (ms) | commits (fsyncs) | tickets/commit | CPU ms/ticket | alloc KiB/ticket | all stored |");
        sb.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Concurrency} | {r.PerSecond:N0} | {r.P50:F2} | {r.P99:F2} | {r.Max:F1} | {r.Commits:N0} | {r.WritesPerCommit:F1} | {r.CpuMillisecondsPerTicket:F3} | {r.AllocatedBytes / 1024.0 / r.Count:F1} | {(r.Stored == r.Count + settings.Warmup ? "yes" : "NO")} |");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Target ≥ {TargetPerSecond:N0} tickets/s at concurrency ≥ 8: {(results.Where(r => r.Concurrency >= 8).All(r => r.PerSecond >= TargetPerSecond) ? "met" : "NOT met")}.");
        return sb.ToString();
    }
}
