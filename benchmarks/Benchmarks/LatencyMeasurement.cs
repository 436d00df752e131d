using System.Diagnostics;
using System.Runtime;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Benchmarks;

/// <summary>
/// Measures one index size in the current process: builds (or reuses) the synthetic index, opens it, warms up, then
/// runs the query set single-threaded with a Stopwatch (and the thread's CPU clock) around every
/// <see cref="Retriever.Search"/>.
/// </summary>
internal static class LatencyMeasurement
{
    public static async Task<LatencyResult> MeasureAsync(BenchmarkData data, int count, LatencySettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var (path, stats, reused) = await IndexCache.GetOrBuildAsync(data, count, settings.Rebuild, log, cancellationToken);
        var queries = data.Synthetic.GenerateQueries(settings.Queries);
        var warmupQueries = data.Synthetic.GenerateQueries(settings.Warmup, SyntheticKnowledgeBase.DefaultSeed + 1);

        var (baselineSet, baselineHeap) = Memory();
        var clock = Stopwatch.StartNew();
        using var index = await KnowledgeIndex.OpenAsync(path, data.Analyzer, data.Categories, data.Options.Weights, cancellationToken);
        var openMs = clock.Elapsed.TotalMilliseconds;
        var retriever = new Retriever(index, data.Options.Retrieval);
        var (loadSet, loadHeap) = Memory();

        foreach (var query in warmupQueries)
        {
            retriever.Search(query);
        }

        var latencies = new double[queries.Count];
        var cpu = new double[queries.Count];
        int answered = 0, clarified = 0, abstained = 0;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < queries.Count; i++)
        {
            var cpuStart = ThreadCpuClock.NowMilliseconds();
            var start = Stopwatch.GetTimestamp();
            var result = retriever.Search(queries[i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[i] = ThreadCpuClock.NowMilliseconds() - cpuStart;
            _ = result.Decision switch
            {
                SearchDecision.Answer => answered++,
                SearchDecision.Clarify => clarified++,
                _ => abstained++,
            };
        }

        total.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        (gen0, gen1, gen2) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        var (querySet, _) = Memory();

        var sorted = latencies.Order().ToArray();
        var sortedCpu = cpu.Order().ToArray();
        return new LatencyResult(
            count,
            reused,
            stats.BuiltAt,
            stats.GenerateSeconds,
            stats.UpsertSeconds,
            stats.EntriesPerSecond,
            stats.EntriesPerCpuSecond,
            stats.FileBytes,
            stats.PeakWorkingSetBytes,
            openMs,
            queries.Count,
            warmupQueries.Count,
            latencies.Average(),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.90),
            Percentile(sorted, 0.99),
            sorted[^1],
            Percentile(sortedCpu, 0.50),
            Percentile(sortedCpu, 0.90),
            Percentile(sortedCpu, 0.99),
            sortedCpu[^1],
            queries.Count / total.Elapsed.TotalSeconds,
            (double)allocated / queries.Count,
            gen0,
            gen1,
            gen2,
            baselineSet,
            loadSet,
            querySet,
            baselineHeap,
            loadHeap,
            answered,
            clarified,
            abstained);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static (long WorkingSet, long ManagedHeap) Memory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}
