using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Benchmarks;

/// <summary>
/// The <c>latency</c> mode: for each size, build (or reuse) the synthetic index, then run the query set single-threaded
/// with a Stopwatch around every <see cref="Retriever.Search"/> after a warm-up, and print Markdown tables.
/// By default every size runs in child processes of its own (one to build, one to measure), so that memory
/// figures and caches of one size do not leak into the next.
/// </summary>
internal static class LatencyBench
{
    private const string ResultPrefix = "@@latency-result ";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        LatencySettings settings;
        try
        {
            settings = LatencySettings.Parse(args);
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

                var result = await LatencyMeasurement.MeasureAsync(data, count, settings, Console.Out, cancellationToken);
                await Console.Out.WriteLineAsync(ResultPrefix + JsonSerializer.Serialize(result, Json));
            }

            return 0;
        }

        var output = Console.Out;
        await output.WriteLineAsync(MachineInfo.Describe());
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
                result = await LatencyMeasurement.MeasureAsync(shared, count, settings, output, cancellationToken);
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

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Load average at end (1/5/15 min): {MachineInfo.LoadAverage()}"));
        await output.WriteLineAsync();
        await output.WriteLineAsync(LatencyReport.ResultTables(results, settings));
        return 0;
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
}
