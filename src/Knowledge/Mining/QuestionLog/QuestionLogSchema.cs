using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// The one table of <c>questions.db</c>. Times are UTC Unix milliseconds (<c>INTEGER</c>): the miner reads millions
/// of rows, and integers compare and parse cheaper than text. Decisions are stored as <c>answer</c>/<c>clarify</c>/
/// <c>abstain</c>, kinds as <c>group</c>/<c>private</c>. The version is SQLite's <c>user_version</c>; a database newer
/// than this code is refused.
/// </summary>
internal static class QuestionLogSchema
{
    /// <summary>The version this code writes.</summary>
    /// <remarks>1: the table and its two indexes. 2: <c>questions_quality</c>, the quality view's covering index.</remarks>
    public const int Version = 2;

    /// <summary>Creates or upgrades the table in one transaction, one step per version; returns the version found.</summary>
    /// <exception cref="InvalidOperationException">The file is at a newer schema version.</exception>
    public static async Task<int> CreateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new SqliteCommand("PRAGMA user_version", connection, transaction);
        var found = checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
        if (found > Version)
        {
            throw new InvalidOperationException(
                $"{connection.DataSource} is at question log schema version {found}, newer than this code's {Version}; refusing to open it.");
        }

        if (found < 1)
        {
            command.CommandText = """
                CREATE TABLE questions(
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    channel TEXT NOT NULL,
                    conversation_kind TEXT NOT NULL,
                    resident_key TEXT NOT NULL,
                    text TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    entry_id TEXT NULL,
                    followed_by_handoff INTEGER NOT NULL DEFAULT 0,
                    rephrased INTEGER NOT NULL DEFAULT 0
                ) STRICT;
                -- ListAsync's window scans and the retention prune; rows arrive in time order, so it grows at its end.
                CREATE INDEX questions_at ON questions(at);
                -- A resident's latest question, for rephrase, pick and handoff marking.
                CREATE INDEX questions_by_resident ON questions(resident_key, at);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (found < 2)
        {
            // The quality view counts a day (or a month) of questions by decision and outcome, and by entry: holding
            // every column it reads, this index answers it without touching the table's rows (texts are most of a row).
            command.CommandText = """
                CREATE INDEX questions_quality ON questions(at, decision, entry_id, followed_by_handoff, rephrased);
                PRAGMA user_version = 2;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return found;
    }
}
