using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CitizenBot.Knowledge.Index;

namespace CitizenBot.Benchmarks;

/// <summary>How a cached index was built.</summary>
/// <param name="Entries">Entries indexed.</param>
/// <param name="GenerateSeconds">Time to generate the synthetic entries (not part of indexing).</param>
/// <param name="OpenSeconds">Time to create the empty index (schema).</param>
/// <param name="UpsertSeconds">Time of the one <c>UpsertManyAsync</c> call that indexed every entry.</param>
/// <param name="UpsertCpuSeconds">CPU time of the whole process during <c>UpsertManyAsync</c>: the import analyzes on one core while it writes on the other, and its awaits hop threads, so one thread's clock would undercount.</param>
/// <param name="FileBytes">Size of the SQLite file once closed (WAL checkpointed).</param>
/// <param name="BuiltAt">When the index was built (UTC, ISO 8601).</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the building process (entries generated in memory included).</param>
internal sealed record BuildStats(int Entries, double GenerateSeconds, double OpenSeconds, double UpsertSeconds, double UpsertCpuSeconds, long FileBytes, string BuiltAt, long PeakWorkingSetBytes)
{
    public double EntriesPerSecond => UpsertSeconds > 0 ? Entries / UpsertSeconds : 0;

    public double EntriesPerCpuSecond => UpsertCpuSeconds > 0 ? Entries / UpsertCpuSeconds : 0;
}

/// <summary>
/// Built synthetic indexes kept under the OS temp folder, keyed by entry count, analyzer fingerprint, the
/// generator's source fingerprint and the Knowledge assembly's build, so a 100,000-entry index is built once rather
/// than once per benchmark process.
/// </summary>
internal static class IndexCache
{
    public static string Folder => Path.Combine(Path.GetTempPath(), "citizenbot-bench");

    /// <summary>Path of the cached index for <paramref name="count"/> entries (it may not exist yet).</summary>
    public static string PathFor(BenchmarkData data, int count)
    {
        // The Knowledge assembly's MVID changes with its code (deterministic build), so a schema change rebuilds too.
        var code = typeof(KnowledgeIndex).Assembly.ManifestModule.ModuleVersionId;
        var key = string.Create(CultureInfo.InvariantCulture, $"{data.Analyzer.Fingerprint}|{data.Synthetic.SourceFingerprint}|{SyntheticKnowledgeBase.DefaultSeed}|{code}");
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 6));
        return Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"kb-{count}-{digest}.db"));
    }

    /// <summary>
    /// Returns the cached index for <paramref name="count"/> entries, building it first when missing (or when
    /// <paramref name="rebuild"/>), with the statistics of the build that made it.
    /// </summary>
    public static async Task<(string Path, BuildStats Stats, bool Reused)> GetOrBuildAsync(
        BenchmarkData data, int count, bool rebuild, TextWriter log, CancellationToken cancellationToken)
    {
        var path = PathFor(data, count);
        var statsPath = path + ".json";
        if (!rebuild && File.Exists(path) && File.Exists(statsPath))
        {
            var cached = JsonSerializer.Deserialize<BuildStats>(await File.ReadAllTextAsync(statsPath, cancellationToken));
            if (cached is not null && cached.Entries == count && cached.UpsertSeconds > 0)
            {
                return (path, cached, true);
            }
        }

        Directory.CreateDirectory(Folder);
        var building = string.Create(CultureInfo.InvariantCulture, $"{path}.building-{Environment.ProcessId}");
        DeleteDatabase(building);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Building a {count:N0}-entry index at {path} ..."));

        var clock = Stopwatch.StartNew();
        var entries = data.Synthetic.GenerateEntries(count);
        var generate = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var index = await KnowledgeIndex.OpenAsync(building, data.Analyzer, data.Categories, data.Options.Weights, cancellationToken);
        var open = clock.Elapsed.TotalSeconds;
        try
        {
            clock.Restart();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var runtime = RuntimeCounters.Read();
            await index.UpsertManyAsync(entries, cancellationToken);
            var upsert = clock.Elapsed.TotalSeconds;
            var upsertCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var runtimeDuring = RuntimeCounters.Read() - runtime;
            long peak;
            using (var process = Process.GetCurrentProcess())
            {
                peak = process.PeakWorkingSet64;
            }

            index.Dispose();

            // Closing the last connection checkpoints the WAL into the main file.
            var bytes = FileBytes(building);
            File.Move(building, path, overwrite: true);
            DeleteSidecars(building);
            DeleteSidecars(path);
            var stats = new BuildStats(count, generate, open, upsert, upsertCpu, bytes, TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), peak);
            await File.WriteAllTextAsync(statsPath, JsonSerializer.Serialize(stats), cancellationToken);
            await log.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  generated in {generate:F2} s, indexed in {upsert:F2} s ({stats.EntriesPerSecond:N0} entries/s; {upsertCpu:F2} s CPU, {stats.EntriesPerCpuSecond:N0} entries/CPU-s), {bytes / 1048576.0:F1} MiB, peak working set {peak / 1048576.0:F0} MiB"));
            await log.WriteLineAsync("  during indexing: " + runtimeDuring);
            return (path, stats, false);
        }
        finally
        {
            index.Dispose();
            DeleteDatabase(building);
        }
    }

    /// <summary>Size of a database with its WAL, if any.</summary>
    public static long FileBytes(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    public static void DeleteDatabase(string path)
    {
        File.Delete(path);
        DeleteSidecars(path);
    }

    private static void DeleteSidecars(string path)
    {
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
    }
}
