using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// The ticket database's tables: <c>tickets</c> (one row per ticket: the columns queries filter on, the rest as a
/// JSON snapshot without its history), <c>ticket_events</c> (the append-only history, one row per event) and
/// <c>ticket_sequences</c> (the last number handed out per Beijing day). Version 2 adds <c>tickets.reporter_id</c>
/// (the reporter's channel user id) for a resident's own list. Times are UTC in the round-trip ("O")
/// format, which has a fixed width, so text order is time order. The schema's version is SQLite's
/// <c>user_version</c>; opening a database upgrades it step by step, each step once.
/// </summary>
internal static class TicketSchema
{
    /// <summary>The version this code writes; a database at a later one is refused.</summary>
    public const int Version = 2;

    /// <summary>
    /// Creates the tables or brings an existing database to <see cref="Version"/>, in one immediate transaction so two
    /// processes opening one file do not both upgrade it. Returns the version the database was at.
    /// </summary>
    /// <remarks>
    /// An upgrade that builds an index reads every ticket once, at that start-up only; every later start-up runs just
    /// the version check.
    /// </remarks>
    public static async Task<int> CreateAsync(SqliteConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        var from = checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
        if (from > Version)
        {
            throw new InvalidOperationException(
                $"The ticket database is at schema version {from}, newer than this code's {Version}; refusing to open it.");
        }

        if (from == Version)
        {
            return from;
        }

        if (from < 1)
        {
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS tickets(
                    number TEXT PRIMARY KEY,
                    status TEXT NOT NULL,
                    level TEXT NULL,
                    holder_node_id TEXT NULL,
                    grid_node_id TEXT NULL,
                    category_item_id TEXT NOT NULL,
                    urgency INTEGER NOT NULL,
                    supervised INTEGER NOT NULL,
                    version INTEGER NOT NULL,
                    submitted_at TEXT NOT NULL,
                    next_due_at TEXT NULL,
                    next_due_kind TEXT NULL,
                    updated_at TEXT NOT NULL,
                    snapshot TEXT NOT NULL
                ) STRICT;
                -- The sweeper's index: in ListDueAsync's order (due time, then number) and covering its columns, so
                -- a tick reads its LIMIT rows off the index and sorts nothing. Version 0 had an index on next_due_at
                -- alone, whose ties came in rowid order and needed a sort of every due row.
                DROP INDEX IF EXISTS tickets_next_due_at;
                CREATE INDEX IF NOT EXISTS tickets_due ON tickets(next_due_at, number, next_due_kind) WHERE next_due_at IS NOT NULL;

                -- ListAsync's indexes: each leads with what a page is found by (nothing, the holder, the grid, the
                -- status), goes on in the list's order (submitted_at, number), and carries every other filtered column,
                -- so a page is picked off one index without reading a row: in order for one value, by a bounded sort of
                -- small entries for several. Supervised tickets (督办) are few and listed on their own, so they get a
                -- partial index; ListAsync writes that filter as a literal so the planner can match it.
                DROP INDEX IF EXISTS tickets_holder_node_id;
                DROP INDEX IF EXISTS tickets_grid_node_id;
                DROP INDEX IF EXISTS tickets_submitted_at;
                CREATE INDEX IF NOT EXISTS tickets_by_submitted ON tickets(submitted_at, number, status, holder_node_id, grid_node_id, supervised);
                CREATE INDEX IF NOT EXISTS tickets_by_holder ON tickets(holder_node_id, submitted_at, number, status, grid_node_id, supervised);
                CREATE INDEX IF NOT EXISTS tickets_by_grid ON tickets(grid_node_id, submitted_at, number, status, holder_node_id, supervised);
                CREATE INDEX IF NOT EXISTS tickets_by_status ON tickets(status, submitted_at, number, holder_node_id, grid_node_id, supervised);
                CREATE INDEX IF NOT EXISTS tickets_supervised ON tickets(submitted_at, number, status, holder_node_id, grid_node_id) WHERE supervised = 1;

                CREATE TABLE IF NOT EXISTS ticket_events(
                    number TEXT NOT NULL REFERENCES tickets(number),
                    seq INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    note TEXT NULL,
                    from_level TEXT NULL,
                    to_level TEXT NULL,
                    data TEXT NULL,
                    PRIMARY KEY(number, seq)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE IF NOT EXISTS ticket_sequences(
                    day TEXT PRIMARY KEY,
                    last INTEGER NOT NULL
                ) STRICT;

                PRAGMA user_version = 1;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (from < 2)
        {
            // A column of its own, filled from the snapshot once here and by every insert after (a reporter never
            // changes), because a resident's "my tickets" must not read every snapshot. Nullable: a snapshot that
            // names no reporter id (written before Reporter had one) leaves it empty, and that ticket is in nobody's
            // list. The index is ListAsync's shape for one reporter: in list order, carrying the other filters.
            command.CommandText = """
                ALTER TABLE tickets ADD COLUMN reporter_id TEXT NULL;
                UPDATE tickets SET reporter_id = json_extract(snapshot, '$.Reporter.ChannelUserId');
                CREATE INDEX tickets_by_reporter ON tickets(reporter_id, submitted_at, number, status, holder_node_id, grid_node_id, supervised);

                PRAGMA user_version = 2;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Log.TicketSchemaUpgraded(logger, from, Version, clock.Elapsed);
        return from;
    }
}
