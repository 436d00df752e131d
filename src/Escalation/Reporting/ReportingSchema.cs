using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Reporting;

/// <summary>
/// The indexes the report queries need on the ticket tables, kept here rather than in the store's schema because only
/// reporting reads this way. Idempotent; run after the store has created its tables. On an existing large database
/// the first run builds them once (seconds for a million tickets) and takes the write lock meanwhile.
/// </summary>
internal static class ReportingSchema
{
    /// <summary>Creates any missing reporting index.</summary>
    public static async Task EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        // events(type, at): every period figure is "events of these types between two instants"; without it each
        //   report would scan the whole history. The primary key (number, seq) rides along in the index.
        // tickets(status, grid_node_id, supervised): the "now" counts read the few open rows, never the closed
        //   majority, and never touch the row (and its JSON snapshot).
        // tickets(grid_node_id, submitted_at, status) and tickets(submitted_at, status): submissions in a range,
        //   scoped to some grids or district-wide, with the status for 办结率 without reading the row.
        // tickets(number, grid_node_id, submitted_at): the event queries look up each event's ticket for its scope and
        //   submission time; from this index instead of the row (with its JSON snapshot) the lookup costs about half
        //   as much. Its columns are written once, when the ticket is filed.
        command.CommandText = """
            CREATE INDEX IF NOT EXISTS reporting_events_type_at ON ticket_events(type, at);
            CREATE INDEX IF NOT EXISTS reporting_tickets_status_grid ON tickets(status, grid_node_id, supervised);
            CREATE INDEX IF NOT EXISTS reporting_tickets_grid_submitted ON tickets(grid_node_id, submitted_at, status);
            CREATE INDEX IF NOT EXISTS reporting_tickets_submitted_status ON tickets(submitted_at, status);
            CREATE INDEX IF NOT EXISTS reporting_tickets_number_scope ON tickets(number, grid_node_id, submitted_at);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
