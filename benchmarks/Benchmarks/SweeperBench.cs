using System.Diagnostics;
using System.Globalization;
using System.Text;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Benchmarks;

/// <summary>
/// The <c>sweeper</c> mode: builds (or reuses) a database of many open tickets, copies it, and measures in a child
/// process of its own, as a freshly started host would be: start-up (module init with the content files and the store,
/// then the first sweep), then sweeps with a chosen number of tickets due each, memory, and the query plans and
/// timings of the store's reads on that many rows. The clock is set for each tick so that exactly that many stored
/// deadlines have passed.
/// </summary>
internal static class SweeperBench
{
    private const double TickTargetMs = 50;
    private const double StartupTargetSeconds = 10;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        SweeperSettings settings;
        try
        {
            settings = SweeperSettings.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (settings.Database is { } database)
        {
            return await SweeperMeasurement.RunAsync(database, settings, Console.Out, cancellationToken);
        }

        var output = Console.Out;
        await output.WriteLineAsync(MachineInfo.Describe());
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Command: sweeper --open {settings.Open} --due {string.Join(',', settings.Due)}{(settings.Rebuild ? " --rebuild" : string.Empty)}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Database cache: {IndexCache.Folder}"));
        await output.WriteLineAsync();

        var cached = OpenTicketsCache.PathFor(settings.Open);
        var data = await EscalationBenchData.LoadAsync(cached, cancellationToken);
        var (path, build, reused) = await OpenTicketsCache.GetOrBuildAsync(data, settings.Open, settings.Rebuild, output, cancellationToken);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{settings.Open:N0} open tickets {(reused ? "reused from cache, built" : "built")} {build.BuiltAt[..16]}: filed at {build.TicketsPerSecond:N0} tickets/s in {build.Commits:N0} commits, {build.FileBytes / 1048576.0:F0} MiB"));

        // An older cached file is brought to the current schema here, once, so the measured start-up is a plain one.
        var clock = Stopwatch.StartNew();
        await (await TicketStore.OpenAsync(path, TimeProvider.System, cancellationToken)).DisposeAsync();
        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Opened the cached file (schema check or upgrade) in {clock.Elapsed.TotalSeconds:F2} s"));

        // The ticks change tickets; they run on a copy so the cache stays as built.
        var work = Path.Combine(IndexCache.Folder, string.Create(CultureInfo.InvariantCulture, $"sweeper-{Environment.ProcessId}.db"));
        try
        {
            clock.Restart();
            File.Copy(path, work, overwrite: true);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Copied to {work} in {clock.Elapsed.TotalSeconds:F1} s (so the OS page cache holds the file: start-up below is warm-cache)"));
            await output.WriteLineAsync();
            var exitCode = await RunChildAsync(settings.ChildArguments(work), output, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Load average at end (1/5/15 min): {MachineInfo.LoadAverage()}"));
            return exitCode;
        }
        finally
        {
            IndexCache.DeleteDatabase(work);
        }
    }

    public static string Verdict(bool met) => met ? "yes" : "NO";

    public static string TickTarget(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:F1} ms ({Verdict(ms <= TickTargetMs)} ≤ {TickTargetMs:F0} ms)");

    public static string StartupTarget(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s ({Verdict(seconds <= StartupTargetSeconds)} ≤ {StartupTargetSeconds:F0} s)");

    private static async Task<int> RunChildAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        var host = Environment.ProcessPath ?? "dotnet";
        start.FileName = host;
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SweeperBench).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {host}.");
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            await output.WriteLineAsync(line);
        }

        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }
}
