using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The one place the knowledge database's connections are opened and configured: WAL so searches never wait on
/// a reindex, a busy timeout instead of immediate SQLITE_BUSY, and synchronous=NORMAL, which in WAL mode keeps
/// every committed transaction across a process kill (only a power cut may lose the last ones).
/// </summary>
internal sealed class SqliteConnectionFactory(string databasePath)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // Connections are held by KnowledgeIndex for the life of the process; the pool would only add a lookup.
        Pooling = false,
    }.ToString();

    public string DatabasePath { get; } = databasePath;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 5000;
            PRAGMA foreign_keys = ON;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -32768;
            """;
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
