using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CitizenBot.Escalation.Org;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// The durable ticket store, one SQLite file (<c>tickets.db</c>). Writes are queued to one writer loop that commits
/// whatever is waiting in one transaction (group commit, see <see cref="TicketWriteQueue"/>): each caller's task
/// completes once its write is durable, and concurrent writers share one fsync. Reads open their own connection and
/// read inside one transaction, so a ticket's row and its history always come from the same commit. Each ticket row
/// carries its next deadline (<c>next_due_at</c>, UTC) for the sweeper. Thread-safe.
/// </summary>
internal sealed class TicketStore : IDisposable, IAsyncDisposable
{
    private readonly TicketConnectionFactory _connections;
    private readonly TicketWriteQueue _writes;

    private TicketStore(TicketConnectionFactory connections, TicketWriteQueue writes)
    {
        _connections = connections;
        _writes = writes;
    }

    /// <summary>The database file this store writes.</summary>
    public string DatabasePath => _connections.DatabasePath;

    /// <summary>What the group commit has done since the store was opened.</summary>
    public TicketWriteStatistics WriteStatistics => _writes.Statistics;

    /// <inheritdoc cref="OpenAsync(string, TimeProvider, ILogger, CancellationToken)"/>
    public static Task<TicketStore> OpenAsync(string databasePath, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        OpenAsync(databasePath, timeProvider, NullLogger.Instance, cancellationToken);

    /// <summary>
    /// Opens (creating or upgrading if needed) the database at <paramref name="databasePath"/>.
    /// <paramref name="timeProvider"/> stamps each row's <c>updated_at</c>; ticket times come from the tickets themselves.
    /// </summary>
    public static async Task<TicketStore> OpenAsync(string databasePath, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        if (Path.GetDirectoryName(Path.GetFullPath(databasePath)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connections = new TicketConnectionFactory(databasePath);
        var writer = connections.Open();
        try
        {
            await TicketSchema.CreateAsync(writer, logger, cancellationToken);
            return new TicketStore(connections, new TicketWriteQueue(writer, timeProvider, logger));
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The next number of <paramref name="beijingDate"/>: 0001, 0002, … restarting each day. Atomic and durable,
    /// so a number is never handed out twice, even across restarts; a number whose ticket is never inserted is skipped.
    /// Tickets are better filed with <see cref="InsertNewAsync"/>, which uses a number up only with its ticket.
    /// </summary>
    public async Task<TicketNumber> NextNumberAsync(DateOnly beijingDate, CancellationToken cancellationToken)
    {
        TicketNumber number = default;
        await _writes.WriteAsync(async (rows, token) => number = await rows.NextNumberAsync(beijingDate, token), cancellationToken);
        return number;
    }

    /// <summary>
    /// Files a new ticket in one transaction: takes the next number of <paramref name="beijingDate"/>, has
    /// <paramref name="build"/> make the ticket under that number, and stores it with its whole history. When
    /// <paramref name="build"/> throws or the insert fails, the number is not used up and the exception passes through.
    /// </summary>
    /// <remarks>
    /// <paramref name="build"/> runs on the writer loop, inside the transaction, so it must be quick and pure: no I/O,
    /// no waiting. It may run after the caller's token was cancelled (the ticket is then stored all the same).
    /// </remarks>
    public async Task<Ticket> InsertNewAsync(DateOnly beijingDate, Func<TicketNumber, TicketInsert> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        Ticket? stored = null;
        await _writes.WriteAsync(
            async (rows, token) =>
            {
                var number = await rows.NextNumberAsync(beijingDate, token);
                var insert = build(number);
                if (insert.Ticket.Number != number)
                {
                    throw new InvalidOperationException($"The ticket was built as {insert.Ticket.Number}, not under its number {number}.");
                }

                RequireDue(insert.NextDueAt, insert.NextDueKind);
                await rows.InsertAsync(insert.Ticket, insert.NextDueAt, insert.NextDueKind, token);
                stored = insert.Ticket;
            },
            cancellationToken);
        return stored!;
    }

    /// <summary>
    /// Stores a new ticket with its whole history; throws <see cref="SqliteException"/> if the number exists.
    /// <paramref name="nextDueAt"/> is its next deadline, null when nothing falls due (e.g. closed);
    /// <paramref name="nextDueKind"/> says what falls due then and is null exactly when the deadline is.
    /// </summary>
    public Task InsertAsync(Ticket ticket, DateTimeOffset? nextDueAt, string? nextDueKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        RequireDue(nextDueAt, nextDueKind);
        return _writes.WriteAsync((rows, token) => rows.InsertAsync(ticket, nextDueAt, nextDueKind, token), cancellationToken);
    }

    /// <summary>
    /// Saves a changed ticket if the stored one is still at <paramref name="expectedVersion"/> (the version it was
    /// loaded at), appending only the events not yet stored; otherwise throws <see cref="TicketConcurrencyException"/>
    /// and writes nothing. Saves queued together are checked one after another in queue order, so of two saves from the
    /// same version exactly one wins.
    /// </summary>
    public Task SaveAsync(Ticket ticket, int expectedVersion, DateTimeOffset? nextDueAt, string? nextDueKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        RequireDue(nextDueAt, nextDueKind);
        return _writes.WriteAsync((rows, token) => rows.SaveAsync(ticket, expectedVersion, nextDueAt, nextDueKind, token), cancellationToken);
    }

    /// <summary>The stored ticket, or null when there is none with that number.</summary>
    public async Task<Ticket?> GetAsync(TicketNumber number, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var transaction = BeginRead(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT snapshot FROM tickets WHERE number = $number";
        command.Parameters.AddWithValue("$number", number.ToString());
        if (await command.ExecuteScalarAsync(cancellationToken) is not string json)
        {
            return null;
        }

        var events = await ReadEventsAsync(transaction, [number.ToString()], cancellationToken);
        return Rebuild(json, events);
    }

    /// <summary>
    /// The stored tickets among <paramref name="numbers"/>, by number, read in one transaction on one connection (the
    /// sweeper reads a pass's tickets so, instead of one connection and transaction each); unknown numbers are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<TicketNumber, Ticket>> GetManyAsync(IReadOnlyCollection<TicketNumber> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Count == 0)
        {
            return new Dictionary<TicketNumber, Ticket>();
        }

        await using var connection = _connections.Open();
        await using var transaction = BeginRead(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT number, snapshot FROM tickets WHERE number IN (SELECT value FROM json_each($numbers))";
        command.Parameters.AddWithValue("$numbers", JsonArray(numbers.Select(n => n.ToString())));
        var rows = new List<(string Number, string Json)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var events = await ReadEventsAsync(transaction, [.. rows.Select(r => r.Number)], cancellationToken);
        return rows.ToDictionary(r => TicketNumber.Parse(r.Number), r => Rebuild(r.Json, events));
    }

    /// <summary>Tickets whose next deadline is at or before <paramref name="now"/>, earliest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DueTicket>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = _connections.Open();
        await using var command = ListDueCommand(connection, now, limit);
        var due = new List<DueTicket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueTicket(TicketNumber.Parse(reader.GetString(0)), reader.GetString(1), TicketJson.ParseTime(reader.GetString(2))));
        }

        return due;
    }

    /// <summary>The tickets matching <paramref name="query"/>, by submission time then number, one page.</summary>
    public async Task<IReadOnlyList<Ticket>> ListAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        await using var connection = _connections.Open();
        await using var transaction = BeginRead(connection);
        await using var command = ListCommand(connection, query);
        command.Transaction = transaction;
        var rows = new List<(string Number, string Json)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var events = await ReadEventsAsync(transaction, [.. rows.Select(r => r.Number)], cancellationToken);
        return [.. rows.Select(r => Rebuild(r.Json, events))];
    }

    /// <summary>SQLite's plan (EXPLAIN QUERY PLAN, one line per step) for <see cref="ListDueAsync"/>; benchmarks and tests hold it to its index.</summary>
    public Task<IReadOnlyList<string>> ExplainListDueAsync(CancellationToken cancellationToken) =>
        ExplainAsync(connection => ListDueCommand(connection, DateTimeOffset.UnixEpoch, 100), cancellationToken);

    /// <summary>SQLite's plan (EXPLAIN QUERY PLAN, one line per step) for <see cref="ListAsync"/> with <paramref name="query"/>.</summary>
    public Task<IReadOnlyList<string>> ExplainListAsync(TicketQuery query, CancellationToken cancellationToken) =>
        ExplainAsync(connection => ListCommand(connection, query), cancellationToken);

    /// <summary>Commits the writes already queued, then closes the writer; later writes throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _writes.Dispose();

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    private static SqliteCommand ListDueCommand(SqliteConnection connection, DateTimeOffset now, int limit)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            SELECT number, next_due_kind, next_due_at FROM tickets
            WHERE next_due_at IS NOT NULL AND next_due_at <= $now
            ORDER BY next_due_at, number
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", TicketJson.Format(now));
        command.Parameters.AddWithValue("$limit", limit);
        return command;
    }

    /// <remarks>
    /// Only the filters given appear in the SQL: a <c>$x IS NULL OR column IN (…)</c> term hides the column from
    /// SQLite's planner, which then scanned every ticket in submission order whatever the filter (on a million rows,
    /// seconds for a holder with few tickets). The inner select picks the page's rowids off one of the covering indexes
    /// (<see cref="TicketSchema"/>), so a filter matching many tickets walks and sorts small index entries, never
    /// snapshots; only the page's rows are read whole.
    /// </remarks>
    [SuppressMessage("Security", "CA2100", Justification = "The SQL is joined from constant fragments of this method only; every value is a parameter.")]
    private static SqliteCommand ListCommand(SqliteConnection connection, TicketQuery query)
    {
        var command = connection.CreateCommand();
        var p = command.Parameters;
        var filters = new List<string>();

        // Each set travels as one JSON array parameter read with json_each, so a set of any size is one parameter.
        if (query.Statuses is { } statuses)
        {
            filters.Add("status IN (SELECT value FROM json_each($statuses))");
            p.AddWithValue("$statuses", JsonArray(statuses.Select(s => s.ToString())));
        }

        if (query.HolderNodeIds is { } holders)
        {
            filters.Add("holder_node_id IN (SELECT value FROM json_each($holders))");
            p.AddWithValue("$holders", JsonArray(holders));
        }

        if (query.GridNodeIds is { } grids)
        {
            filters.Add("grid_node_id IN (SELECT value FROM json_each($grids))");
            p.AddWithValue("$grids", JsonArray(grids));
        }

        if (query.ReporterId is { } reporter)
        {
            filters.Add("reporter_id = $reporter");
            p.AddWithValue("$reporter", reporter);
        }

        if (query.Supervised is { } supervised)
        {
            // A literal, not a parameter: the planner uses the partial index tickets_supervised only for a term it
            // can see implies supervised = 1 when it prepares the statement.
            filters.Add(supervised ? "supervised = 1" : "supervised = 0");
        }

        if (query.SubmittedFrom is { } from)
        {
            filters.Add("submitted_at >= $from");
            p.AddWithValue("$from", TicketJson.Format(from));
        }

        if (query.SubmittedBefore is { } before)
        {
            filters.Add("submitted_at < $before");
            p.AddWithValue("$before", TicketJson.Format(before));
        }

        var where = filters.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", filters);
        command.CommandText = $"""
            SELECT number, snapshot FROM tickets
            WHERE rowid IN (
                SELECT rowid FROM tickets {where}
                ORDER BY submitted_at, number
                LIMIT $limit OFFSET $offset)
            ORDER BY submitted_at, number
            """;
        p.AddWithValue("$limit", query.Limit);
        p.AddWithValue("$offset", query.Offset);
        return command;
    }

    [SuppressMessage("Security", "CA2100", Justification = "Prefixes one of this class's own constant statements; every value is a parameter.")]
    private async Task<IReadOnlyList<string>> ExplainAsync(Func<SqliteConnection, SqliteCommand> build, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = build(connection);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    /// <summary>
    /// A deferred transaction, so a read sees one commit (a ticket's row and its events together) without taking
    /// the write lock as Microsoft.Data.Sqlite's default BEGIN IMMEDIATE would.
    /// </summary>
    [SuppressMessage("Performance", "CA1849", Justification = "No async overload takes 'deferred'; Microsoft.Data.Sqlite's async BEGIN is synchronous too.")]
    private static SqliteTransaction BeginRead(SqliteConnection connection) => connection.BeginTransaction(deferred: true);

    private static void RequireDue(DateTimeOffset? nextDueAt, string? nextDueKind)
    {
        if (nextDueAt.HasValue != !string.IsNullOrWhiteSpace(nextDueKind))
        {
            throw new ArgumentException("A next deadline needs its kind, and a kind needs its deadline.", nameof(nextDueKind));
        }
    }

    private static string JsonArray(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), TicketJson.Options);

    private static Ticket Rebuild(string json, Dictionary<string, List<TicketEvent>> events)
    {
        var snapshot = JsonSerializer.Deserialize<TicketSnapshot>(json, TicketJson.Options)
            ?? throw new InvalidDataException("A stored ticket snapshot is null.");
        return Ticket.Restore(snapshot with { Events = events.GetValueOrDefault(snapshot.Number.ToString()) ?? [] });
    }

    private static async Task<Dictionary<string, List<TicketEvent>>> ReadEventsAsync(SqliteTransaction transaction, string[] numbers, CancellationToken cancellationToken)
    {
        var events = new Dictionary<string, List<TicketEvent>>(StringComparer.Ordinal);
        if (numbers.Length == 0)
        {
            return events;
        }

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT number, type, at, actor, note, from_level, to_level, data FROM ticket_events
            WHERE number IN (SELECT value FROM json_each($numbers))
            ORDER BY number, seq
            """;
        command.Parameters.AddWithValue("$numbers", JsonSerializer.Serialize(numbers, TicketJson.Options));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var number = reader.GetString(0);
            if (!events.TryGetValue(number, out var list))
            {
                events[number] = list = [];
            }

            list.Add(new TicketEvent(
                Enum.Parse<TicketEventType>(reader.GetString(1)),
                TicketJson.ParseTime(reader.GetString(2)),
                reader.GetString(3),
                reader[4] as string,
                reader[5] is string fromLevel ? Enum.Parse<OrgLevel>(fromLevel) : null,
                reader[6] is string toLevel ? Enum.Parse<OrgLevel>(toLevel) : null,
                reader[7] is string data ? JsonSerializer.Deserialize<Dictionary<string, string>>(data, TicketJson.Options) : null));
        }

        return events;
    }
}
