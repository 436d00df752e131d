using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;

namespace CitizenBot.Benchmarks;

/// <summary>
/// Databases of many open tickets for the <c>sweeper</c> mode, kept under the OS temp folder beside
/// <see cref="IndexCache"/>'s indexes and keyed by count and generator version. They are filed through the real
/// store, <see cref="TicketStore.InsertNewAsync"/> (the desk's path: number and ticket in one write), in waves of
/// queued writes that group commit packs into big transactions, so every row, history and day counter is what the
/// real store writes. The store upgrades an older cached file's schema when it is opened, as it would in production.
/// </summary>
internal static class OpenTicketsCache
{
    /// <summary>Bump when the generated tickets change; the key of cached files.</summary>
    private const int GeneratorVersion = 1;

    private const int Wave = 20_000;

    /// <summary>Tickets are submitted over the day before this instant (Monday 3 March 2025, 09:00 in Beijing).</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    public static string PathFor(int open) =>
        Path.Combine(IndexCache.Folder, string.Create(CultureInfo.InvariantCulture, $"tickets-open-{open}-g{GeneratorVersion}.db"));

    public static async Task<(string Path, OpenTicketsBuild Build, bool Reused)> GetOrBuildAsync(
        EscalationBenchData data, int open, bool rebuild, TextWriter log, CancellationToken cancellationToken)
    {
        var path = PathFor(open);
        var statsPath = path + ".json";
        if (!rebuild && File.Exists(path) && File.Exists(statsPath)
            && JsonSerializer.Deserialize<OpenTicketsBuild>(await File.ReadAllTextAsync(statsPath, cancellationToken)) is { } cached
            && cached.Open == open)
        {
            await EnsureReportingIndexesAsync(path, cancellationToken);
            return (path, cached, true);
        }

        Directory.CreateDirectory(IndexCache.Folder);
        var building = string.Create(CultureInfo.InvariantCulture, $"{path}.building-{Environment.ProcessId}");
        IndexCache.DeleteDatabase(building);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Filing {open:N0} open tickets into {path} ..."));
        try
        {
            var clock = Stopwatch.StartNew();
            long commits;
            await using (var store = await TicketStore.OpenAsync(building, TimeProvider.System, cancellationToken))
            {
                var random = new Random(20250303);
                for (var first = 0; first < open; first += Wave)
                {
                    var wave = Enumerable.Range(first, Math.Min(Wave, open - first))
                        .Select(i => FileAsync(store, data, i, open, random.Next(), cancellationToken))
                        .ToArray();
                    await Task.WhenAll(wave);
                    if ((first / Wave) % 10 == 9)
                    {
                        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {first + wave.Length:N0} filed, {clock.Elapsed.TotalSeconds:F0} s"));
                    }
                }

                commits = store.WriteStatistics.Commits;
            }

            await EnsureReportingIndexesAsync(building, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = IndexCache.FileBytes(building);
            File.Move(building, path, overwrite: true);
            IndexCache.DeleteDatabase(building);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
            var build = new OpenTicketsBuild(open, seconds, commits, bytes, TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await File.WriteAllTextAsync(statsPath, JsonSerializer.Serialize(build), cancellationToken);
            await log.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  filed in {seconds:F1} s ({build.TicketsPerSecond:N0} tickets/s, {commits:N0} commits), {bytes / 1048576.0:F0} MiB"));
            return (path, build, false);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            IndexCache.DeleteDatabase(building);
        }
    }

    /// <summary>
    /// Ticket <paramref name="index"/> of <paramref name="open"/>: submitted in order over the day before
    /// <see cref="Start"/>, yellow (clock-time limits: resolve within 24 h at the grid, 18 h at the community, so stored
    /// deadlines, the warnings 2 h before, spread evenly over a day; working-day limits would put a whole day's tickets
    /// on one instant, the end of a day), in a grid taken in turn; then, by <paramref name="dice"/>, accepted (30 %),
    /// in progress (60 %) or escalated to its community and accepted there (10 %), as a sweeper that keeps up leaves
    /// them. Its stored deadline is the one <see cref="TicketDeadlines"/> gives, as the desk stores it.
    /// </summary>
    private static Task<Ticket> FileAsync(TicketStore store, EscalationBenchData data, int index, int open, int dice, CancellationToken cancellationToken)
    {
        var submittedAt = Start.AddDays(-1).AddTicks(TimeSpan.FromDays(1).Ticks / open * index);
        var grid = data.Grids[index % data.Grids.Count];
        var request = data.Complaint(index, UrgencyGrade.Yellow);
        var holders = HolderChain.Above(data.Org, grid);
        var worker = data.Org.GridWorkerOf(grid).Id;
        return store.InsertNewAsync(
            BeijingTime.DateOf(submittedAt),
            number =>
            {
                var ticket = Ticket.Submit(number, request.CategoryItemId, request.Urgency, request.Description, request.Location, request.Reporter, request.Attachments, submittedAt);
                ticket.AssignToGrid(grid, holders, submittedAt);
                switch (dice % 100)
                {
                    case < 30:
                        ticket.Accept(worker, submittedAt.AddMinutes(5));
                        break;
                    case < 90:
                        ticket.Accept(worker, submittedAt.AddMinutes(5));
                        ticket.Start(worker, submittedAt.AddMinutes(10));
                        break;
                    default:
                        ticket.Escalate(OrgLevel.Community, holders.NodeAt(OrgLevel.Community), "超过受理时限", submittedAt.AddMinutes(1));
                        ticket.Accept(worker, submittedAt.AddMinutes(5));
                        break;
                }

                var deadline = TicketDeadlines.Next(ticket, data.Policy, data.Calendar);
                return new TicketInsert(ticket, deadline?.DueAt, deadline?.Kind.ToString());
            },
            cancellationToken);
    }

    /// <summary>
    /// The reporting indexes the module creates on a new database at its first start: a store that has been running
    /// has them, so start-up is measured with them in place (files cached before reporting existed get them once).
    /// </summary>
    private static async Task EnsureReportingIndexesAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken);
        await CitizenBot.Escalation.Reporting.ReportingSchema.EnsureAsync(connection, cancellationToken);
    }
}
