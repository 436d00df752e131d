using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// The one place the ticket database's connections are opened and configured: WAL so readers never wait on the
/// writer, a busy timeout instead of immediate SQLITE_BUSY, foreign keys on, and synchronous=FULL.
/// </summary>
internal sealed class TicketConnectionFactory(string databasePath)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // Readers open a connection per call; the pool makes that cheap.
        Pooling = true,
    }.ToString();

    public string DatabasePath { get; } = databasePath;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // FULL, not the NORMAL knowledge.db uses: in WAL mode NORMAL skips the fsync at each commit, so a power
        // cut (not a process kill) can drop the last committed transactions. A ticket is a resident's complaint
        // whose number we have already told them, and a lost escalation breaks an SLA; knowledge.db can be
        // rebuilt from its files, tickets cannot. The fsync per commit is paid once per group of queued writes
        // (TicketWriteQueue), not once per ticket, which is what keeps FULL affordable under load.
        pragmas.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA busy_timeout = 5000;
            PRAGMA foreign_keys = ON;
            """;
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
