using Microsoft.Data.Sqlite;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// Opens and configures every connection to <c>dialogue.db</c>: WAL (readers never wait on the writer loop), a busy
/// timeout rather than an immediate SQLITE_BUSY, foreign keys on, and synchronous=FULL.
/// </summary>
internal sealed class DialogueConnectionFactory(string databasePath)
{
    // FULL, as tickets.db: under WAL, NORMAL survives a process kill but a power cut can drop the last commits. The
    // handled-message ids are what keeps a redelivered message from being answered twice, possibly filing a second
    // ticket after the resident was told the number of the first (tickets.db keeps that one, being FULL), and a
    // form half filled in would silently reset. The price is one fsync per commit, and DialogueWriteQueue's group
    // commit spreads it over every message handled meanwhile.
    private const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA busy_timeout = 5000;
        PRAGMA foreign_keys = ON;
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // A read opens a connection per call; pooling makes that a lookup instead of a file open.
        Pooling = true,
    }.ToString();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = new SqliteCommand(Pragmas, connection);
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
