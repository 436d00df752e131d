using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Reporting;

/// <summary>
/// Reads the dashboard figures (<see cref="TicketReport"/>) and the supervised list straight from the ticket tables,
/// aggregating in SQL. Each call opens its own connection and reads in one deferred transaction, so every number of a
/// report comes from the same commit and no writer waits. A scope is an org node: the tickets filed in the grids
/// within it, every ticket for the district. Thread-safe.
/// </summary>
internal sealed class TicketReporter
{
    private static readonly OrgLevel[] LevelsAboveGrid = [OrgLevel.Community, OrgLevel.Street, OrgLevel.District];

    private readonly TicketConnectionFactory _connections;
    private readonly OrgTree _org;
    private readonly TimeProvider _timeProvider;

    /// <summary>Builds a reporter; call <see cref="CreateAsync"/> instead unless the reporting indexes already exist.</summary>
    public TicketReporter(TicketConnectionFactory connections, OrgTree org, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connections = connections;
        _org = org;
        _timeProvider = timeProvider;
    }

    /// <summary>Creates the reporting indexes if missing (<see cref="ReportingSchema"/>), then the reporter. Run after the store has opened the database.</summary>
    public static async Task<TicketReporter> CreateAsync(TicketConnectionFactory connections, OrgTree org, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        await using (var connection = connections.Open())
        {
            await ReportingSchema.EnsureAsync(connection, cancellationToken);
        }

        return new TicketReporter(connections, org, timeProvider);
    }

    /// <summary>The dashboard figures of <paramref name="scopeNodeId"/> over <paramref name="period"/>; see <see cref="TicketReport"/> for each definition.</summary>
    /// <exception cref="ArgumentException"><paramref name="scopeNodeId"/> is not a node of the org tree.</exception>
    public async Task<TicketReport> ReportAsync(string scopeNodeId, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var scope = Resolve(scopeNodeId);
        await using var connection = _connections.Open();
        await using var transaction = BeginRead(connection);
        // Read inside the transaction: the snapshot is taken at the first read, so "now" precedes it by a hair.
        var generatedAt = _timeProvider.GetUtcNow();

        var daily = period.Days.ToDictionary(d => d, _ => (Submitted: 0, Closed: 0));
        var (submitted, submittedAndClosed) = (0, 0);
        await ReadAsync(transaction, ReportSql.Submitted, scope, period, null, reader =>
        {
            var day = ParseDay(reader.GetString(0));
            var (count, closed) = (reader.GetInt32(1), reader.GetInt32(2));
            daily[day] = daily[day] with { Submitted = count };
            submitted += count;
            submittedAndClosed += closed;
        }, cancellationToken);

        var (open, awaitingRating, supervisedOpen) = (0, 0, 0);
        await ReadAsync(transaction, ReportSql.Unfinished, scope, null, null, reader =>
        {
            var (status, supervised, count) = (Enum.Parse<TicketStatus>(reader.GetString(0)), reader.GetInt64(1) != 0, reader.GetInt32(2));
            if (status == TicketStatus.Resolved)
            {
                awaitingRating += count;
                return;
            }

            open += count;
            supervisedOpen += supervised ? count : 0;
        }, cancellationToken);

        var closedInPeriod = 0;
        var ratings = new Dictionary<Rating, int>();
        await ReadAsync(transaction, ReportSql.ClosingsAndRatings, scope, period, null, reader =>
        {
            var day = ParseDay(reader.GetString(0));
            var type = Enum.Parse<TicketEventType>(reader.GetString(1));
            var count = reader.GetInt32(3);
            var closes = type == TicketEventType.AutoClosed;
            if (type == TicketEventType.Rated)
            {
                var rating = Enum.Parse<Rating>(reader.GetString(2));
                ratings[rating] = ratings.GetValueOrDefault(rating) + count;
                closes = rating != Rating.Dissatisfied;
            }

            if (closes)
            {
                daily[day] = daily[day] with { Closed = daily[day].Closed + count };
                closedInPeriod += count;
            }
        }, cancellationToken);

        var firsts = new Dictionary<TicketEventType, (int Count, TimeSpan? Average, int OnTime)>();
        await ReadAsync(transaction, ReportSql.FirstAcceptedAndResolved, scope, period, null, reader =>
        {
            TimeSpan? average = reader.IsDBNull(2) ? null : TimeSpan.FromMilliseconds(Math.Round(reader.GetDouble(2)));
            firsts[Enum.Parse<TicketEventType>(reader.GetString(0))] = (reader.GetInt32(1), average, reader.GetInt32(3));
        }, cancellationToken);

        var moves = new Dictionary<(OrgLevel, TicketEventType), int>();
        await ReadAsync(transaction, ReportSql.Escalations, scope, period, null, reader =>
            moves[(Enum.Parse<OrgLevel>(reader.GetString(0)), Enum.Parse<TicketEventType>(reader.GetString(1)))] = reader.GetInt32(2),
            cancellationToken);

        var accepted = firsts.GetValueOrDefault(TicketEventType.Accepted);
        var resolved = firsts.GetValueOrDefault(TicketEventType.Resolved);
        return new TicketReport(
            scope.Node.Id,
            scope.Node.Level,
            period,
            generatedAt,
            submitted,
            submittedAndClosed,
            open,
            awaitingRating,
            supervisedOpen,
            closedInPeriod,
            accepted.Count,
            accepted.Average,
            resolved.Count,
            resolved.OnTime,
            resolved.Average,
            [.. LevelsAboveGrid.Select(l => new LevelEscalations(
                l,
                moves.GetValueOrDefault((l, TicketEventType.Escalated)),
                moves.GetValueOrDefault((l, TicketEventType.SecondWhistle))))],
            new SatisfactionSummary(
                ratings.GetValueOrDefault(Rating.Satisfied),
                ratings.GetValueOrDefault(Rating.FairlySatisfied),
                ratings.GetValueOrDefault(Rating.Dissatisfied)),
            [.. daily.OrderBy(p => p.Key).Select(p => new DailyTicketCount(p.Key, p.Value.Submitted, p.Value.Closed))]);
    }

    /// <summary>
    /// The open tickets (status Submitted, Assigned, Accepted or InProgress) within <paramref name="scopeNodeId"/>
    /// under district supervision (督办), most recently supervised first, at most <paramref name="limit"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="scopeNodeId"/> is not a node of the org tree.</exception>
    public async Task<IReadOnlyList<SupervisedTicket>> ListSupervisedAsync(string scopeNodeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var scope = Resolve(scopeNodeId);
        await using var connection = _connections.Open();
        await using var transaction = BeginRead(connection);
        var list = new List<SupervisedTicket>();
        await ReadAsync(transaction, ReportSql.Supervised, scope, null, limit, reader => list.Add(new SupervisedTicket(
            TicketNumber.Parse(reader.GetString(0)),
            reader.GetString(1),
            reader[2] is string level ? Enum.Parse<OrgLevel>(level) : null,
            reader[3] as string,
            reader[4] as string,
            TicketJson.ParseTime(reader.GetString(5)),
            reader[6] is string since
                ? TicketJson.ParseTime(since)
                : throw new InvalidDataException($"Ticket {reader.GetString(0)} is supervised but has no Supervised event."))),
            cancellationToken);
        return list;
    }

    /// <summary>
    /// A deferred transaction: it takes no lock until the first read, then holds one snapshot (WAL) to the end, so
    /// all queries see the same commit and writers are never blocked. The default BEGIN IMMEDIATE would take the write lock.
    /// </summary>
    [SuppressMessage("Performance", "CA1849", Justification = "No async overload takes 'deferred'; Microsoft.Data.Sqlite's async BEGIN is synchronous too.")]
    private static SqliteTransaction BeginRead(SqliteConnection connection) => connection.BeginTransaction(deferred: true);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SuppressMessage("Security", "CA2100", Justification = "The text is a ReportSql constant with one of two constant scope predicates; every value travels as a parameter.")]
    private static async Task ReadAsync(
        SqliteTransaction transaction,
        string sql,
        Scope scope,
        ReportPeriod? period,
        int? limit,
        Action<SqliteDataReader> row,
        CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ReportSql.Scoped(sql, scope.GridsJson is null);
        if (scope.GridsJson is { } grids)
        {
            command.Parameters.AddWithValue("$grids", grids);
        }

        if (period is not null)
        {
            command.Parameters.AddWithValue("$from", TicketJson.Format(period.StartUtc));
            command.Parameters.AddWithValue("$to", TicketJson.Format(period.EndUtc));
        }

        if (limit is { } n)
        {
            command.Parameters.AddWithValue("$limit", n);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    private Scope Resolve(string scopeNodeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scopeNodeId);
        var node = _org.FindNode(scopeNodeId) ?? throw new ArgumentException($"No org node '{scopeNodeId}'.", nameof(scopeNodeId));
        if (node.ParentId is null)
        {
            return new Scope(node, null);
        }

        string[] grids = [.. _org.GridsWithin(node.Id)];
        return new Scope(node, JsonSerializer.Serialize(grids, TicketJson.Options));
    }

    /// <summary>The node a report covers and its grids as a JSON array; null grids mean every ticket (the district).</summary>
    private sealed record Scope(OrgNode Node, string? GridsJson);
}
