using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Benchmarks;

/// <summary>What the <c>latency</c> mode measured for one index size.</summary>
internal sealed record LatencyResult(
    int Entries,
    bool ReusedIndex,
    string BuiltAt,
    double GenerateSeconds,
    double UpsertSeconds,
    double EntriesPerSecond,
    double EntriesPerCpuSecond,
    long FileBytes,
    long BuildPeakWorkingSet,
    double OpenMilliseconds,
    int Queries,
    int Warmup,
    double Mean,
    double P50,
    double P90,
    double P99,
    double Max,
    double CpuP50,
    double CpuP90,
    double CpuP99,
    double CpuMax,
    double QueriesPerSecond,
    double AllocatedBytesPerQuery,
    int Gen0,
    int Gen1,
    int Gen2,
    long WorkingSetBaseline,
    long WorkingSetAfterLoad,
    long WorkingSetAfterQueries,
    long ManagedBaseline,
    long ManagedAfterLoad,
    int Answered,
    int Clarified,
    int Abstained);

/// <summary>
/// The <c>latency</c> mode: for each size, build (or reuse) the synthetic index, then run the query set single-threaded
/// with a Stopwatch around every <see cref="Retriever.Search"/> after a warm-up, and print Markdown tables.
/// By default every size runs in child processes of its own (one to build, one to measure), so that memory
/// figures and caches of one size do not leak into the next.
/// </summary>
internal static class LatencyBench
{
    private const string ResultPrefix = "@@latency-result ";
    private const double P50TargetMs = 1.0;
    private const double P99TargetMs = 5.0;
    private const double IndexingTarget = 5_000;
    private const int TargetEntries = 10_000;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        Settings settings;
        try
        {
            settings = Settings.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (settings.Child)
        {
            var data = await BenchmarkData.LoadAsync(cancellationToken);
            foreach (var count in settings.Entries)
            {
                if (settings.BuildOnly)
                {
                    await IndexCache.GetOrBuildAsync(data, count, settings.Rebuild, Console.Out, cancellationToken);
                    continue;
                }

                var result = await MeasureAsync(data, count, settings, Console.Out, cancellationToken);
                await Console.Out.WriteLineAsync(ResultPrefix + JsonSerializer.Serialize(result, Json));
            }

            return 0;
        }

        var output = Console.Out;
        await output.WriteLineAsync(MachineDescription());
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Command: latency --entries {string.Join(',', settings.Entries)} --queries {settings.Queries} --warmup {settings.Warmup}{(settings.Rebuild ? " --rebuild" : string.Empty)}{(settings.InProcess ? " --in-process" : string.Empty)}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Index cache: {IndexCache.Folder}"));
        await output.WriteLineAsync();

        var results = new List<LatencyResult>();
        BenchmarkData? shared = null;
        foreach (var count in settings.Entries)
        {
            var clock = Stopwatch.StartNew();
            LatencyResult? result;
            if (settings.InProcess)
            {
                shared ??= await BenchmarkData.LoadAsync(cancellationToken);
                result = await MeasureAsync(shared, count, settings, output, cancellationToken);
            }
            else
            {
                var build = settings.ChildArguments(count, buildOnly: true);
                if (await RunChildAsync(build, output, cancellationToken) is not (0, _))
                {
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Building the {count}-entry index failed."));
                    return 1;
                }

                var (exitCode, lines) = await RunChildAsync(settings.ChildArguments(count, buildOnly: false), output, cancellationToken);
                result = exitCode == 0
                    ? lines.Where(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal))
                        .Select(l => JsonSerializer.Deserialize<LatencyResult>(l[ResultPrefix.Length..], Json))
                        .LastOrDefault()
                    : null;
                if (result is null)
                {
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Measuring the {count}-entry index failed (exit code {exitCode})."));
                    return 1;
                }
            }

            results.Add(result);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{count:N0} entries: done in {clock.Elapsed.TotalSeconds:F1} s (index {(result.ReusedIndex ? "reused from cache" : "built")}; p50 {result.P50:F3} ms, p99 {result.P99:F3} ms)"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Load average at end (1/5/15 min): {LoadAverage()}"));
        await output.WriteLineAsync();
        await output.WriteLineAsync(ResultTables(results, settings));
        return 0;
    }

    private static async Task<LatencyResult> MeasureAsync(BenchmarkData data, int count, Settings settings, TextWriter log, CancellationToken cancellationToken)
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

    private static string ResultTables(List<LatencyResult> results, Settings settings)
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

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static (long WorkingSet, long ManagedHeap) Memory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static async Task<(int ExitCode, List<string> Lines)> RunChildAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };

        var host = Environment.ProcessPath ?? "dotnet";
        start.FileName = host;
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(LatencyBench).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {host}.");
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
            if (!line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                await output.WriteLineAsync(line);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, lines);
    }

    private static string MachineDescription()
    {
        var cpu = ReadProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadProcField("/proc/meminfo", "MemTotal");
        string sqlite;
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
            sqlite = connection.ServerVersion;
        }

        var sb = new StringBuilder();
        sb.AppendLine("#### Machine");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- CPU: {cpu}, {Environment.ProcessorCount} logical cores");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Memory: {(memory is null ? "unknown" : KibToGib(memory))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- .NET: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- SQLite: {sqlite}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Load average at start (1/5/15 min): {LoadAverage()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Knowledge assembly build: {typeof(KnowledgeIndex).Assembly.ManifestModule.ModuleVersionId}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Retrieval options (defaults): {Describe(new RetrievalOptions())}");
        return sb.ToString();
    }

    /// <summary>The first three fields of /proc/loadavg, or "n/a".</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "n/a";

    /// <summary>Every public readable property, so the figures say which knobs they were measured with.</summary>
    private static string Describe(object options) =>
        string.Join(", ", options.GetType().GetProperties()
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.GetValue(options)}")));

    private static string KibToGib(string value)
    {
        var number = value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib)
            ? string.Create(CultureInfo.InvariantCulture, $"{kib / 1048576.0:F1} GiB")
            : value;
    }

    private static string? ReadProcField(string file, string field)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (var line in File.ReadLines(file))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && string.Equals(line[..colon].Trim(), field, StringComparison.Ordinal))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private sealed record Settings(int[] Entries, int Queries, int Warmup, bool Rebuild, bool InProcess, bool Child, bool BuildOnly)
    {
        public static Settings Parse(string[] args)
        {
            var settings = new Settings([200, 10_000, 100_000], 5_000, 1_000, false, false, false, false);
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                settings = args[i] switch
                {
                    "--entries" => settings with { Entries = BenchmarkSettings.ParseCounts(Value()) },
                    "--queries" => settings with { Queries = PositiveInt(Value()) },
                    "--warmup" => settings with { Warmup = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                    "--rebuild" => settings with { Rebuild = true },
                    "--in-process" => settings with { InProcess = true },
                    "--child" => settings with { Child = true },
                    "--build-only" => settings with { BuildOnly = true },
                    _ => throw new FormatException($"Unknown option {args[i]}."),
                };
            }

            return settings;
        }

        public List<string> ChildArguments(int count, bool buildOnly)
        {
            var arguments = new List<string> { "latency", "--child", "--entries", count.ToString(CultureInfo.InvariantCulture) };
            if (buildOnly)
            {
                arguments.Add("--build-only");
                if (Rebuild)
                {
                    arguments.Add("--rebuild");
                }

                return arguments;
            }

            arguments.AddRange(["--queries", Queries.ToString(CultureInfo.InvariantCulture), "--warmup", Warmup.ToString(CultureInfo.InvariantCulture)]);
            return arguments;
        }

        private static int PositiveInt(string text) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new FormatException($"'{text}' is not a positive number.");
    }
}
