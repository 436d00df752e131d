using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CitizenBot.Escalation.Org;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// The durable ticket store, one SQLite file (<c>tickets.db</c>). Writes go through one writer connection under
/// a lock, one transaction each; reads open their own connection and read inside one transaction, so a ticket's
/// row and its history always come from the same commit. Each ticket row carries its next deadline
/// (<c>next_due_at</c>, UTC) for the sweeper. Thread-safe.
/// </summary>
internal sealed class TicketStore : IDisposable
{
    private readonly TicketConnectionFactory _connections;
    private readonly SqliteConnection _writer;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private TicketStore(TicketConnectionFactory connections, SqliteConnection writer, TimeProvider timeProvider)
    {
        _connections = connections;
        _writer = writer;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Opens (creating if needed) the database at <paramref name="databasePath"/>. <paramref name="timeProvider"/>
    /// stamps each row's <c>updated_at</c>; ticket times come from the tickets themselves.
    /// </summary>
    public static async Task<TicketStore> OpenAsync(string databasePath, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (Path.GetDirectoryName(Path.GetFullPath(databasePath)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connections = new TicketConnectionFactory(databasePath);
        var writer = connections.Open();
        try
        {
            await TicketSchema.CreateAsync(writer, cancellationToken);
            return new TicketStore(connections, writer, timeProvider);
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
    /// </summary>
    public async Task<TicketNumber> NextNumberAsync(DateOnly beijingDate, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var command = _writer.CreateCommand();
            command.CommandText = """
                INSERT INTO ticket_sequences(day, last) VALUES ($day, 1)
                ON CONFLICT(day) DO UPDATE SET last = last + 1
                RETURNING last
                """;
            command.Parameters.AddWithValue("$day", beijingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var last = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return TicketNumber.Create(beijingDate, checked((int)last));
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Stores a new ticket with its whole history; throws <see cref="SqliteException"/> if the number exists.
    /// <paramref name="nextDueAt"/> is its next deadline, null when nothing falls due (e.g. closed);
    /// <paramref name="nextDueKind"/> says what falls due then and is null exactly when the deadline is.
    /// </summary>
    public async Task InsertAsync(Ticket ticket, DateTimeOffset? nextDueAt, string? nextDueKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        RequireDue(nextDueAt, nextDueKind);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken);
            await using (var command = _writer.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO tickets(number, status, level, holder_node_id, grid_node_id, category_item_id, urgency,
                                        supervised, version, submitted_at, next_due_at, next_due_kind, updated_at, snapshot)
                    VALUES ($number, $status, $level, $holder, $grid, $category, $urgency,
                            $supervised, $version, $submittedAt, $nextDueAt, $nextDueKind, $updatedAt, $snapshot)
                    """;
                BindRow(command, ticket, nextDueAt, nextDueKind);
                command.Parameters.AddWithValue("$category", ticket.CategoryItemId);
                command.Parameters.AddWithValue("$urgency", (int)ticket.Urgency);
                command.Parameters.AddWithValue("$submittedAt", TicketJson.Format(ticket.SubmittedAt));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await AppendEventsAsync(transaction, ticket, 0, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Saves a changed ticket if the stored one is still at <paramref name="expectedVersion"/> (the version it was
    /// loaded at), appending only the events not yet stored; otherwise throws <see cref="TicketConcurrencyException"/>
    /// and writes nothing.
    /// </summary>
    public async Task SaveAsync(Ticket ticket, int expectedVersion, DateTimeOffset? nextDueAt, string? nextDueKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        RequireDue(nextDueAt, nextDueKind);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken);
            await using (var command = _writer.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = """
                    UPDATE tickets
                    SET status = $status, level = $level, holder_node_id = $holder, grid_node_id = $grid,
                        supervised = $supervised, version = $version, next_due_at = $nextDueAt,
                        next_due_kind = $nextDueKind, updated_at = $updatedAt, snapshot = $snapshot
                    WHERE number = $number AND version = $expectedVersion
                    """;
                BindRow(command, ticket, nextDueAt, nextDueKind);
                command.Parameters.AddWithValue("$expectedVersion", expectedVersion);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    throw new TicketConcurrencyException(ticket.Number, expectedVersion);
                }

                command.Parameters.Clear();
                command.CommandText = "SELECT count(*) FROM ticket_events WHERE number = $number";
                command.Parameters.AddWithValue("$number", ticket.Number.ToString());
                var stored = checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
                await AppendEventsAsync(transaction, ticket, stored, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
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

    /// <summary>Tickets whose next deadline is at or before <paramref name="now"/>, earliest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DueTicket>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT number, next_due_kind, next_due_at FROM tickets
            WHERE next_due_at IS NOT NULL AND next_due_at <= $now
            ORDER BY next_due_at, number
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", TicketJson.Format(now));
        command.Parameters.AddWithValue("$limit", limit);
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
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // Constant SQL: each set travels as one JSON array parameter (null = no filter) read with json_each.
        command.CommandText = """
            SELECT number, snapshot FROM tickets
            WHERE ($statuses IS NULL OR status IN (SELECT value FROM json_each($statuses)))
              AND ($holders IS NULL OR holder_node_id IN (SELECT value FROM json_each($holders)))
              AND ($grids IS NULL OR grid_node_id IN (SELECT value FROM json_each($grids)))
              AND ($supervised IS NULL OR supervised = $supervised)
              AND ($from IS NULL OR submitted_at >= $from)
              AND ($before IS NULL OR submitted_at < $before)
            ORDER BY submitted_at, number
            LIMIT $limit OFFSET $offset
            """;
        var p = command.Parameters;
        p.AddWithValue("$statuses", JsonArrayOrNull(query.Statuses?.Select(s => s.ToString())));
        p.AddWithValue("$holders", JsonArrayOrNull(query.HolderNodeIds));
        p.AddWithValue("$grids", JsonArrayOrNull(query.GridNodeIds));
        p.AddWithValue("$supervised", query.Supervised is { } supervised ? (supervised ? 1 : 0) : DBNull.Value);
        p.AddWithValue("$from", query.SubmittedFrom is { } from ? TicketJson.Format(from) : DBNull.Value);
        p.AddWithValue("$before", query.SubmittedBefore is { } before ? TicketJson.Format(before) : DBNull.Value);
        p.AddWithValue("$limit", query.Limit);
        p.AddWithValue("$offset", query.Offset);
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

    public void Dispose()
    {
        _writer.Dispose();
        _writeLock.Dispose();
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

    private static object JsonArrayOrNull(IEnumerable<string>? values) =>
        values is null ? DBNull.Value : JsonSerializer.Serialize(values.ToArray(), TicketJson.Options);

    private static Ticket Rebuild(string json, Dictionary<string, List<TicketEvent>> events)
    {
        var snapshot = JsonSerializer.Deserialize<TicketSnapshot>(json, TicketJson.Options)
            ?? throw new InvalidDataException("A stored ticket snapshot is null.");
        return Ticket.Restore(snapshot with { Events = events.GetValueOrDefault(snapshot.Number.ToString()) ?? [] });
    }

    /// <summary>The columns an insert and a save both write; the snapshot leaves out the history, which has its own table.</summary>
    private void BindRow(SqliteCommand command, Ticket ticket, DateTimeOffset? nextDueAt, string? nextDueKind)
    {
        var p = command.Parameters;
        p.AddWithValue("$number", ticket.Number.ToString());
        p.AddWithValue("$status", ticket.Status.ToString());
        p.AddWithValue("$level", ticket.Level?.ToString() ?? (object)DBNull.Value);
        p.AddWithValue("$holder", ticket.HolderNodeId ?? (object)DBNull.Value);
        p.AddWithValue("$grid", ticket.Location.GridNodeId ?? (object)DBNull.Value);
        p.AddWithValue("$supervised", ticket.Supervised ? 1 : 0);
        p.AddWithValue("$version", ticket.Version);
        p.AddWithValue("$nextDueAt", nextDueAt is { } due ? TicketJson.Format(due) : DBNull.Value);
        p.AddWithValue("$nextDueKind", nextDueKind ?? (object)DBNull.Value);
        p.AddWithValue("$updatedAt", TicketJson.Format(_timeProvider.GetUtcNow()));
        p.AddWithValue("$snapshot", JsonSerializer.Serialize(ticket.ToSnapshot() with { Events = [] }, TicketJson.Options));
    }

    /// <summary>Inserts the ticket's events from index <paramref name="stored"/> on; seq counts from 1.</summary>
    private async Task AppendEventsAsync(SqliteTransaction transaction, Ticket ticket, int stored, CancellationToken cancellationToken)
    {
        if (stored > ticket.Events.Count)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} has {ticket.Events.Count} events but {stored} are stored; history is append-only.");
        }

        await using var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO ticket_events(number, seq, type, at, actor, note, from_level, to_level, data)
            VALUES ($number, $seq, $type, $at, $actor, $note, $fromLevel, $toLevel, $data)
            """;
        var p = command.Parameters;
        foreach (var name in (string[])["$number", "$seq", "$type", "$at", "$actor", "$note", "$fromLevel", "$toLevel", "$data"])
        {
            p.Add(new SqliteParameter { ParameterName = name });
        }

        p["$number"].Value = ticket.Number.ToString();
        for (var i = stored; i < ticket.Events.Count; i++)
        {
            var e = ticket.Events[i];
            p["$seq"].Value = i + 1;
            p["$type"].Value = e.Type.ToString();
            p["$at"].Value = TicketJson.Format(e.At);
            p["$actor"].Value = e.Actor;
            p["$note"].Value = e.Note ?? (object)DBNull.Value;
            p["$fromLevel"].Value = e.FromLevel?.ToString() ?? (object)DBNull.Value;
            p["$toLevel"].Value = e.ToLevel?.ToString() ?? (object)DBNull.Value;
            p["$data"].Value = e.Data is null ? DBNull.Value : JsonSerializer.Serialize(e.Data, TicketJson.Options);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
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
