using System.Globalization;
using BenchmarkDotNet.Running;

namespace CitizenBot.Benchmarks;

/// <summary>
/// <c>latency</c>: Stopwatch-per-query latency percentiles and indexing throughput, printed as Markdown.
/// <c>bdn</c>: BenchmarkDotNet over the remaining arguments (plus <c>--entries</c>).
/// <c>tickets-store</c>: ticket creation throughput by concurrency. <c>sweeper</c>: one sweeper tick over many open tickets.
/// </summary>
public static class Program
{
    private const string Usage = """
        Usage:
          latency [--entries 200,10000,100000] [--queries 5000] [--warmup 1000] [--rebuild] [--in-process]
              Builds (or reuses, from the OS temp folder) a synthetic index per size, then times every query.
              --rebuild     build the indexes again even when cached (fresh indexing figures)
              --in-process  measure every size in this process (default: one child process per size)
          bdn [--entries 200,10000] <BenchmarkDotNet arguments, e.g. --filter '*QueryBenchmarks*' --job short>
          tickets-store [--concurrency 1,8,32,64] [--count 20000] [--warmup 500]
              Tickets/s, latency and fsyncs of TicketDesk.SubmitAsync on a fresh tickets.db per concurrency level.
          sweeper [--open 1000000] [--due 0,10,100,1000] [--rebuild]
              Builds (or reuses, from the OS temp folder) a tickets.db of that many open tickets, then measures in a
              child process: start-up (module init + first tick), ticks with that many tickets due, memory, query plans.
          mine-bench [--messages 100000,1000000] [--keep]
              Synthetic histories with planted new topics, rising topics and one-day bursts: time and peak memory of
              what `mine` does (read, KB copy, mine, write) and whether the planted things are found.
          sample [--entries 3] [--queries 10]
              Prints the first synthetic entries and queries, to see what the generator makes.
        """;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.OutputEncoding = System.Text.Encoding.UTF8;

        switch (args.FirstOrDefault())
        {
            case "latency":
                return await LatencyBench.RunAsync(args[1..], CancellationToken.None);
            case "bdn":
                return RunBenchmarkDotNet(args[1..]);
            case "tickets-store":
                return await TicketStoreBench.RunAsync(args[1..], CancellationToken.None);
            case "sweeper":
                return await SweeperBench.RunAsync(args[1..], CancellationToken.None);
            case "mine-bench":
                return await MiningBench.RunAsync(args[1..], CancellationToken.None);
            case "sample":
                return await SampleAsync(args[1..]);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> SampleAsync(string[] args)
    {
        int Option(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
        }

        var data = await BenchmarkData.LoadAsync(CancellationToken.None);
        foreach (var entry in data.Synthetic.GenerateEntries(Option("--entries", 3)))
        {
            await Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"--- {entry.Id} [{entry.Category}] tags: {string.Join(", ", entry.Tags)}\n# {entry.Title}\n- {string.Join("\n- ", entry.Questions)}\n{entry.Answer}\n"));
        }

        foreach (var query in data.Synthetic.GenerateQueries(Option("--queries", 10)))
        {
            await Console.Out.WriteLineAsync("? " + query);
        }

        return 0;
    }

    private static int RunBenchmarkDotNet(string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--entries" && i + 1 < args.Length)
            {
                // Validate here; the value reaches the benchmark processes through the environment.
                _ = BenchmarkSettings.ParseCounts(args[i + 1]);
                Environment.SetEnvironmentVariable(BenchmarkSettings.EntriesVariable, args[++i]);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest]);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
