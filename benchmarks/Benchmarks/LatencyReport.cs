using System.Globalization;
using System.Text;

namespace CitizenBot.Benchmarks;

/// <summary>Renders the results of the <c>latency</c> mode as Markdown tables, with the targets they are held to.</summary>
internal static class LatencyReport
{
    private const double P50TargetMs = 1.0;
    private const double P99TargetMs = 5.0;
    private const double IndexingTarget = 5_000;
    private const int TargetEntries = 10_000;

    public static string ResultTables(List<LatencyResult> results, LatencySettings settings)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"#### Query latency (single thread, {settings.Queries:N0} queries after {settings.Warmup:N0} warm-up queries, Stopwatch per `Retriever.Search(text, k: 5)`)");
        sb.AppendLine();
        sb.AppendLine("| Entries | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | mean (ms) | queries/s | alloc/query (KiB) | GCs gen0/1/2 | answer / clarify / abstain |");
        sb.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Entries:N0} | {r.P50:F3} | {r.P90:F3} | {r.P99:F3} | {r.Max:F3} | {r.Mean:F3} | {r.QueriesPerSecond:N0} | {r.AllocatedBytesPerQuery / 1024:F1} | {r.Gen0}/{r.Gen1}/{r.Gen2} | {r.Answered} / {r.Clarified} / {r.Abstained} |");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Same queries, {(ThreadCpuClock.IsThreadTime ? "CPU time of the searching thread (excludes time spent waiting for a core on a busy machine)" : "wall time (no thread CPU clock on this OS)")}:");
        sb.AppendLine();
        sb.AppendLine("| Entries | CPU p50 (ms) | CPU p90 (ms) | CPU p99 (ms) | CPU max (ms) |");
        sb.AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Entries:N0} | {r.CpuP50:F3} | {r.CpuP90:F3} | {r.CpuP99:F3} | {r.CpuMax:F3} |");
        }

        sb.AppendLine();
        sb.AppendLine("#### Indexing and footprint");
        sb.AppendLine();
        sb.AppendLine("| Entries | UpsertManyAsync (s) | entries/s | entries per CPU-second | index file (MiB) | bytes/entry | peak working set while building (MiB) | open (ms) | working set before open (MiB) | after open (MiB) | after queries (MiB) | managed heap after open (MiB) | build |");
        sb.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Entries:N0} | {r.UpsertSeconds:F2} | {r.EntriesPerSecond:N0} | {r.EntriesPerCpuSecond:N0} | {r.FileBytes / 1048576.0:F1} | {(double)r.FileBytes / r.Entries:N0} | {(r.BuildPeakWorkingSet > 0 ? Mib(r.BuildPeakWorkingSet) : "-")} | {r.OpenMilliseconds:F0} | {Mib(r.WorkingSetBaseline)} | {Mib(r.WorkingSetAfterLoad)} | {Mib(r.WorkingSetAfterQueries)} | {Mib(r.ManagedAfterLoad)} | {(r.ReusedIndex ? "cached, built " : "fresh, ")}{r.BuiltAt[..Math.Min(16, r.BuiltAt.Length)]} |");
        }

        if (results.FirstOrDefault(r => r.Entries == TargetEntries) is { } target)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"#### Targets at {TargetEntries:N0} entries");
            sb.AppendLine();
            sb.AppendLine("| Target | Measured | Met |");
            sb.AppendLine("| --- | ---: | :---: |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| p50 ≤ {P50TargetMs:F0} ms | {target.P50:F3} ms | {Verdict(target.P50 <= P50TargetMs)} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| p99 ≤ {P99TargetMs:F0} ms | {target.P99:F3} ms | {Verdict(target.P99 <= P99TargetMs)} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| (CPU time) p50 ≤ {P50TargetMs:F0} ms, p99 ≤ {P99TargetMs:F0} ms | {target.CpuP50:F3} / {target.CpuP99:F3} ms | {Verdict(target.CpuP50 <= P50TargetMs && target.CpuP99 <= P99TargetMs)} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| indexing ≥ {IndexingTarget:N0} entries/s | {target.EntriesPerSecond:N0} entries/s | {Verdict(target.EntriesPerSecond >= IndexingTarget)} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| (CPU time) indexing ≥ {IndexingTarget:N0} entries/s | {target.EntriesPerCpuSecond:N0} entries/CPU-s | {Verdict(target.EntriesPerCpuSecond >= IndexingTarget)} |");
        }

        return sb.ToString();
    }

    private static string Verdict(bool met) => met ? "yes" : "**no**";

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
