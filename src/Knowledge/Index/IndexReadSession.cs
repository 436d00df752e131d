using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>A read connection with its prepared statements; used by one search at a time.</summary>
internal sealed class IndexReadSession : IDisposable
{
    private readonly SqliteConnection _connection;

    [SuppressMessage("Security", "CA2100", Justification = "The rank function is built from validated numeric options, never from input.")]
    public IndexReadSession(SqliteConnection connection, string rankFunction)
    {
        _connection = connection;
        Search = connection.CreateCommand();
        Search.CommandText = SearchSql(rankFunction);
        Search.Parameters.Add("$match", SqliteType.Text);
        Search.Parameters.Add("$limit", SqliteType.Integer);
        Search.Prepare();

        Get = connection.CreateCommand();
        Get.CommandText = "SELECT data FROM entries WHERE id = $id";
        Get.Parameters.Add("$id", SqliteType.Text);
        Get.Prepare();

        ListIds = connection.CreateCommand();
        ListIds.CommandText = "SELECT id FROM entries ORDER BY id";
    }

    /// <summary>The candidate search: the <c>$limit</c> best <c>$match</c>es, with the columns re-ranking reads.</summary>
    // bm25() is named in the query rather than set as the table's persistent 'rank' option: the configured
    // form measured twice as slow on the seed base. The phrasing terms re-ranking needs come from the entries
    // table after LIMIT: selected inside, they were read for every matching row, and read back from FTS5 they
    // cost 0.2 ms more a search. The limit is a subquery, not a bare parameter: SQLite hands a bare LIMIT value to
    // the virtual table's planner and so recompiles the whole statement whenever it is rebound, which was every
    // search (sqlite3_stmt_status REPREPARE counted one per run; the recompile cost ~35 µs of a ~150 µs query).
    internal static string SearchSql(string rankFunction) => $"""
        SELECT e.id, e.title, e.category, best.score, e.title_terms, e.question_terms, e.tag_terms
        FROM (
            SELECT rowid, {rankFunction} AS score
            FROM entry_terms
            WHERE entry_terms MATCH $match
            ORDER BY score
            LIMIT (SELECT $limit)
        ) AS best
        JOIN entries AS e ON e.seq = best.rowid
        ORDER BY best.score
        """;

    public SqliteCommand Search { get; }

    public SqliteCommand Get { get; }

    public SqliteCommand ListIds { get; }

    public void Dispose()
    {
        Search.Dispose();
        Get.Dispose();
        ListIds.Dispose();
        _connection.Dispose();
    }
}
