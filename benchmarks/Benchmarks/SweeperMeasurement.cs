using System.Diagnostics;
using System.Globalization;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Scheduling;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CitizenBot.Benchmarks;

/// <summary>
/// The <c>sweeper</c> mode's child process: start-up as a host does it (the module loads its content and opens the
/// store; the sweeper's first tick), further ticks, memory, and the store's read plans and timings, as Markdown.
/// </summary>
internal static class SweeperMeasurement
{
    private const int QueryRuns = 5;

    public static async Task<int> RunAsync(string database, SweeperSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = new BenchClock(OpenTicketsCache.Start);
        clock.Now = await DueInstantAsync(database, settings.Due[0], cancellationToken);
        SqliteConnection.ClearAllPools();

        // Start-up, timed from here: nothing of the module has run in this process yet.
        var timer = Stopwatch.StartNew();
        var policy = new SlaPolicy(new EscalationOptions());
        using var module = new EscalationModule(new EscalationPaths(RepoPaths.Find().KnowledgeBase, database), policy, clock, NullLoggerFactory.Instance, new TicketChangeFeed());
        await module.InitializeAsync(cancellationToken);
        var initSeconds = timer.Elapsed.TotalSeconds;
        var store = module.TicketStore;
        var sweeper = new EscalationSweeper(store, policy, module.Calendar, clock, Options.Create(new EscalationSweeperOptions()), NullLogger<EscalationSweeper>.Instance);
        var tickTimer = Stopwatch.StartNew();
        var firstHandled = await sweeper.SweepOnceAsync(cancellationToken);
        var firstTickMs = tickTimer.Elapsed.TotalMilliseconds;
        var startupSeconds = timer.Elapsed.TotalSeconds;
        var (workingSet, managed, heap) = Memory();

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"#### Sweeper over {settings.Open:N0} open tickets (`tickets.db` {new FileInfo(database).Length / 1048576.0:F0} MiB, warm OS cache)"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Step | Result |");
        await output.WriteLineAsync("| --- | ---: |");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| module init (content files + open store) | {initSeconds * 1000:F0} ms |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| first tick ({settings.Due[0]} due, {firstHandled} handled) | {firstTickMs:F1} ms |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| start-up total (init + first tick), target ≤ 10 s | {SweeperBench.StartupTarget(startupSeconds)} |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| working set / managed heap / GC heap size after start-up | {Mib(workingSet)} / {Mib(managed)} / {Mib(heap)} MiB |"));
        await output.WriteLineAsync();

        await output.WriteLineAsync("| Tick | due | handled | ListDueAsync (ms) | whole tick (ms), target ≤ 50 ms | commits |");
        await output.WriteLineAsync("| ---: | ---: | ---: | ---: | ---: | ---: |");
        var ok = true;
        for (var i = 1; i < settings.Due.Length; i++)
        {
            clock.Now = await DueInstantAsync(database, settings.Due[i], cancellationToken);
            var listTimer = Stopwatch.StartNew();
            var listed = await store.ListDueAsync(clock.Now, 100, cancellationToken);
            var listMs = listTimer.Elapsed.TotalMilliseconds;
            var commits = store.WriteStatistics.Commits;
            tickTimer.Restart();
            var handled = await sweeper.SweepOnceAsync(cancellationToken);
            var tickMs = tickTimer.Elapsed.TotalMilliseconds;
            ok &= handled >= settings.Due[i];
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {i + 1} | {settings.Due[i]} | {handled} | {listMs:F2} ({listed.Count} rows) | {SweeperBench.TickTarget(tickMs)} | {store.WriteStatistics.Commits - commits} |"));
        }

        (workingSet, managed, heap) = Memory();
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"After the ticks: working set {Mib(workingSet)} MiB, managed heap {Mib(managed)} MiB, GC heap size {Mib(heap)} MiB, peak working set {Mib(Process.GetCurrentProcess().PeakWorkingSet64)} MiB."));
        await output.WriteLineAsync();

        await ReportQueriesAsync(store, module.OrgTree, output, cancellationToken);
        return ok ? 0 : 1;
    }

    /// <summary>The instant at which exactly the <paramref name="due"/> earliest stored deadlines have passed (0: just before the earliest).</summary>
    private static async Task<DateTimeOffset> DueInstantAsync(string database, int due, CancellationToken cancellationToken)
    {
        await using var connection = new TicketConnectionFactory(database).Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT next_due_at FROM tickets WHERE next_due_at IS NOT NULL ORDER BY next_due_at LIMIT 1 OFFSET $offset";
        command.Parameters.AddWithValue("$offset", Math.Max(0, due - 1));
        var at = TicketJson.ParseTime((string)(await command.ExecuteScalarAsync(cancellationToken))!);
        return due == 0 ? at.AddTicks(-1) : at;
    }

    private static async Task ReportQueriesAsync(TicketStore store, OrgTree org, TextWriter output, CancellationToken cancellationToken)
    {
        var district = org.Nodes.Single(n => n.Level == OrgLevel.District);
        var street = org.Nodes.First(n => n.Level == OrgLevel.Street);
        var community = org.Nodes.First(n => n.Level == OrgLevel.Community);
        var grid = org.Nodes.First(n => n.Level == OrgLevel.Grid);
        string[] GridsUnder(OrgNode node) => [.. org.Descendants(node.Id).Where(n => n.Level == OrgLevel.Grid).Select(n => n.Id)];
        var streetGrids = GridsUnder(street);
        var queries = new (string Name, TicketQuery Query)[]
        {
            ("no filter (first page)", new TicketQuery()),
            ("no filter, page 200 (offset 10,000)", new TicketQuery { Offset = 10_000 }),
            ("status Accepted (30 % of rows)", new TicketQuery { Statuses = [TicketStatus.Accepted] }),
            ("status Assigned (no row)", new TicketQuery { Statuses = [TicketStatus.Assigned] }),
            ("holder = one grid", new TicketQuery { HolderNodeIds = [grid.Id] }),
            ("holder = one community", new TicketQuery { HolderNodeIds = [community.Id] }),
            ("holder = the district (no row)", new TicketQuery { HolderNodeIds = [district.Id] }),
            ("grid = one grid", new TicketQuery { GridNodeIds = [grid.Id] }),
            ($"grid IN street subtree ({streetGrids.Length} grids)", new TicketQuery { GridNodeIds = streetGrids }),
            ($"grid IN district subtree ({GridsUnder(district).Length} grids)", new TicketQuery { GridNodeIds = GridsUnder(district) }),
            ("grid IN street subtree + status Accepted", new TicketQuery { GridNodeIds = streetGrids, Statuses = [TicketStatus.Accepted] }),
            ("holder = one grid + status InProgress", new TicketQuery { HolderNodeIds = [grid.Id], Statuses = [TicketStatus.InProgress] }),
            ("supervised (no row)", new TicketQuery { Supervised = true }),
        };

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"#### Reads on these rows (ListAsync: 50 tickets a page, median of {QueryRuns} runs)"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Read | rows | median (ms) | max (ms) | plan (EXPLAIN QUERY PLAN) |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | --- |");
        var duePlan = await store.ExplainListDueAsync(cancellationToken);
        var dueTimes = new List<double>();
        var dueRows = 0;
        for (var run = 0; run < QueryRuns; run++)
        {
            var timer = Stopwatch.StartNew();
            dueRows = (await store.ListDueAsync(OpenTicketsCache.Start.AddDays(3), 100, cancellationToken)).Count;
            dueTimes.Add(timer.Elapsed.TotalMilliseconds);
        }

        await output.WriteLineAsync(Row("ListDueAsync(limit 100), every row due", dueRows, dueTimes, duePlan));
        foreach (var (name, query) in queries)
        {
            var plan = await store.ExplainListAsync(query, cancellationToken);
            var times = new List<double>();
            var rows = 0;
            for (var run = 0; run < QueryRuns; run++)
            {
                var timer = Stopwatch.StartNew();
                rows = (await store.ListAsync(query, cancellationToken)).Count;
                times.Add(timer.Elapsed.TotalMilliseconds);
            }

            await output.WriteLineAsync(Row(name, rows, times, plan));
        }

        await output.WriteLineAsync();
    }

    private static string Row(string name, int rows, List<double> times, IReadOnlyList<string> plan)
    {
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {rows} | {times[times.Count / 2]:F2} | {times[^1]:F2} | {string.Join("; ", plan).Replace("|", "\\|", StringComparison.Ordinal)} |");
    }

    private static (long WorkingSet, long Managed, long Heap) Memory()
    {
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0}");
}
