using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// The ticket database's tables: <c>tickets</c> (one row per ticket: the columns queries filter on, the rest as a
/// JSON snapshot without its history), <c>ticket_events</c> (the append-only history, one row per event) and
/// <c>ticket_sequences</c> (the last number handed out per Beijing day). Times are UTC in the round-trip ("O")
/// format, which has a fixed width, so text order is time order.
/// </summary>
internal static class TicketSchema
{
    public static async Task CreateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
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
            CREATE INDEX IF NOT EXISTS tickets_next_due_at ON tickets(next_due_at) WHERE next_due_at IS NOT NULL;
            CREATE INDEX IF NOT EXISTS tickets_holder_node_id ON tickets(holder_node_id);
            CREATE INDEX IF NOT EXISTS tickets_grid_node_id ON tickets(grid_node_id);
            CREATE INDEX IF NOT EXISTS tickets_submitted_at ON tickets(submitted_at);

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
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
