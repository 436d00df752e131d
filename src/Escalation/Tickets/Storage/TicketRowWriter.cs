using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// The SQL of every ticket write, as commands prepared once on the writer connection and reused for every row:
/// re-preparing an insert costs about as much as running it, and the group commit runs thousands a second.
/// Used only by <see cref="TicketWriteQueue"/>'s loop, one call at a time, inside the transaction it set with
/// <see cref="Enlist"/>. Not thread-safe.
/// </summary>
internal sealed class TicketRowWriter : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly SqliteCommand _nextNumber;
    private readonly SqliteCommand _insertTicket;
    private readonly SqliteCommand _updateTicket;
    private readonly SqliteCommand _updateFilters;
    private readonly SqliteCommand _countEvents;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand[] _all;

    public TicketRowWriter(SqliteConnection connection, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _nextNumber = WithParameters(new SqliteCommand("""
            INSERT INTO ticket_sequences(day, last) VALUES ($day, 1)
            ON CONFLICT(day) DO UPDATE SET last = last + 1
            RETURNING last
            """, connection), "$day");
        _insertTicket = WithParameters(new SqliteCommand("""
            INSERT INTO tickets(number, status, level, holder_node_id, grid_node_id, category_item_id, urgency,
                                supervised, version, submitted_at, next_due_at, next_due_kind, updated_at, snapshot, reporter_id)
            VALUES ($number, $status, $level, $holder, $grid, $category, $urgency,
                    $supervised, $version, $submittedAt, $nextDueAt, $nextDueKind, $updatedAt, $snapshot, $reporter)
            """, connection), [.. RowParameters, "$category", "$urgency", "$submittedAt", "$reporter"]);
        _updateTicket = WithParameters(new SqliteCommand("""
            UPDATE tickets
            SET level = $level, version = $version, next_due_at = $nextDueAt,
                next_due_kind = $nextDueKind, updated_at = $updatedAt, snapshot = $snapshot
            WHERE number = $number AND version = $expectedVersion
            """, connection), [.. RowParameters, "$expectedVersion"]);

        // Apart from the update above because SQLite rewrites an index entry whenever an UPDATE names one of its
        // columns, changed or not: the four list indexes carry these columns, and most saves (a note, a warning, an
        // urge) change none of them. The WHERE makes this a no-op then; naming them in one UPDATE made every save
        // rewrite four index entries on random pages (about twice the write time on a million tickets).
        _updateFilters = WithParameters(new SqliteCommand("""
            UPDATE tickets
            SET status = $status, holder_node_id = $holder, grid_node_id = $grid, supervised = $supervised
            WHERE number = $number
              AND (status IS NOT $status OR holder_node_id IS NOT $holder OR grid_node_id IS NOT $grid OR supervised IS NOT $supervised)
            """, connection), RowParameters);
        _countEvents = WithParameters(new SqliteCommand("SELECT count(*) FROM ticket_events WHERE number = $number", connection), "$number");
        _insertEvent = WithParameters(new SqliteCommand("""
            INSERT INTO ticket_events(number, seq, type, at, actor, note, from_level, to_level, data)
            VALUES ($number, $seq, $type, $at, $actor, $note, $fromLevel, $toLevel, $data)
            """, connection), "$number", "$seq", "$type", "$at", "$actor", "$note", "$fromLevel", "$toLevel", "$data");
        _all = [_nextNumber, _insertTicket, _updateTicket, _updateFilters, _countEvents, _insertEvent];
    }

    private static string[] RowParameters =>
        ["$number", "$status", "$level", "$holder", "$grid", "$supervised", "$version", "$nextDueAt", "$nextDueKind", "$updatedAt", "$snapshot"];

    /// <summary>Points every command at <paramref name="transaction"/>, the group's, before its first write.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Increments and returns the day's counter (see <see cref="TicketStore.NextNumberAsync"/>).</summary>
    public async Task<TicketNumber> NextNumberAsync(DateOnly beijingDate, CancellationToken cancellationToken)
    {
        _nextNumber.Parameters["$day"].Value = beijingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = (long)(await _nextNumber.ExecuteScalarAsync(cancellationToken))!;
        return TicketNumber.Create(beijingDate, checked((int)last));
    }

    /// <summary>Inserts the ticket row and its whole history; a duplicate number throws <see cref="SqliteException"/>.</summary>
    public async Task InsertAsync(Ticket ticket, DateTimeOffset? nextDueAt, string? nextDueKind, CancellationToken cancellationToken)
    {
        BindRow(_insertTicket, ticket, nextDueAt, nextDueKind);
        var p = _insertTicket.Parameters;
        p["$category"].Value = ticket.CategoryItemId;
        p["$urgency"].Value = (int)ticket.Urgency;
        p["$submittedAt"].Value = TicketJson.Format(ticket.SubmittedAt);
        p["$reporter"].Value = ticket.Reporter.ChannelUserId;
        await _insertTicket.ExecuteNonQueryAsync(cancellationToken);
        await AppendEventsAsync(ticket, 0, cancellationToken);
    }

    /// <summary>
    /// Updates the row if it is still at <paramref name="expectedVersion"/> and appends the events not yet stored;
    /// otherwise throws <see cref="TicketConcurrencyException"/> having written nothing.
    /// </summary>
    public async Task SaveAsync(Ticket ticket, int expectedVersion, DateTimeOffset? nextDueAt, string? nextDueKind, CancellationToken cancellationToken)
    {
        BindRow(_updateTicket, ticket, nextDueAt, nextDueKind);
        _updateTicket.Parameters["$expectedVersion"].Value = expectedVersion;
        if (await _updateTicket.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new TicketConcurrencyException(ticket.Number, expectedVersion);
        }

        BindRow(_updateFilters, ticket, nextDueAt, nextDueKind);
        await _updateFilters.ExecuteNonQueryAsync(cancellationToken);

        _countEvents.Parameters["$number"].Value = ticket.Number.ToString();
        var stored = checked((int)(long)(await _countEvents.ExecuteScalarAsync(cancellationToken))!);
        await AppendEventsAsync(ticket, stored, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private static SqliteCommand WithParameters(SqliteCommand command, params string[] parameters)
    {
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }

    /// <summary>The columns an insert and a save both write; the snapshot leaves out the history, which has its own table.</summary>
    private void BindRow(SqliteCommand command, Ticket ticket, DateTimeOffset? nextDueAt, string? nextDueKind)
    {
        var p = command.Parameters;
        p["$number"].Value = ticket.Number.ToString();
        p["$status"].Value = ticket.Status.ToString();
        p["$level"].Value = ticket.Level?.ToString() ?? (object)DBNull.Value;
        p["$holder"].Value = ticket.HolderNodeId ?? (object)DBNull.Value;
        p["$grid"].Value = ticket.Location.GridNodeId ?? (object)DBNull.Value;
        p["$supervised"].Value = ticket.Supervised ? 1 : 0;
        p["$version"].Value = ticket.Version;
        p["$nextDueAt"].Value = nextDueAt is { } due ? TicketJson.Format(due) : DBNull.Value;
        p["$nextDueKind"].Value = nextDueKind ?? (object)DBNull.Value;
        p["$updatedAt"].Value = TicketJson.Format(_timeProvider.GetUtcNow());
        p["$snapshot"].Value = JsonSerializer.Serialize(ticket.ToSnapshot() with { Events = [] }, TicketJson.Options);
    }

    /// <summary>Inserts the ticket's events from index <paramref name="stored"/> on; seq counts from 1.</summary>
    private async Task AppendEventsAsync(Ticket ticket, int stored, CancellationToken cancellationToken)
    {
        if (stored > ticket.Events.Count)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} has {ticket.Events.Count} events but {stored} are stored; history is append-only.");
        }

        var p = _insertEvent.Parameters;
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
            await _insertEvent.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
