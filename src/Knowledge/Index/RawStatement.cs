using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// One prepared SQLite statement driven through SQLitePCLRaw directly, for the per-entry inserts of an import.
/// </summary>
/// <remarks>
/// <see cref="SqliteCommand"/> costs the single writer, on every execution, a parameter lookup by name and a fresh
/// UTF-8 array per string value; with values encoded ahead (<see cref="Utf8Row"/>) and bound by position, the
/// writer's own work per entry is a few copies into SQLite. It runs on the connection of the open
/// <see cref="SqliteTransaction"/>, so it commits or rolls back with everything else.
/// </remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based, as SQLite counts) to UTF-8 text.</summary>
    public void Bind(int index, ReadOnlySpan<byte> utf8) =>
        // An empty span may reach SQLite as a null pointer, which binds NULL rather than ''.
        Check(utf8.IsEmpty ? raw.sqlite3_bind_text(_statement, index, string.Empty) : raw.sqlite3_bind_text(_statement, index, utf8));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Runs the statement, which returns no rows, and resets it for the next values.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);
}
