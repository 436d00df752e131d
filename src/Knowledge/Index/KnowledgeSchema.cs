using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The knowledge database's tables: <c>entries</c> (each entry as data), <c>entry_terms</c> (FTS5 over analyzer terms,
/// ascii tokenizer, so our analyzer alone decides what a term is), its vocabulary view, <c>entry_revisions</c>
/// (each entry's history) and <c>meta</c>.
/// </summary>
internal static class KnowledgeSchema
{
    /// <summary>The analyzer fingerprint the stored terms were built with.</summary>
    public const string AnalyzerFingerprintKey = "analyzer_fingerprint";

    /// <summary>
    /// The FTS5 table is contentless: the entries table keeps the entry and the terms re-ranking reads, so a second
    /// copy of the text would only be written and never read.
    /// </summary>
    private const string TermTables = """
        CREATE VIRTUAL TABLE IF NOT EXISTS entry_terms USING fts5(
            title, questions, answer, tags, category,
            tokenize = 'ascii',
            content = '',
            contentless_delete = 1
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS entry_terms_vocab USING fts5vocab(entry_terms, 'row');

        """;

    public static async Task CreateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS meta(
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT;
            CREATE TABLE IF NOT EXISTS entries(
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                category TEXT NOT NULL,
                title TEXT NOT NULL,
                data TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                title_terms TEXT NOT NULL,
                question_terms TEXT NOT NULL,
                tag_terms TEXT NOT NULL
            ) STRICT;
            """ + TermTables;
        await command.ExecuteNonQueryAsync(cancellationToken);

        // Databases from before the current layout (no phrasing-term columns, or an FTS5 table that kept its own
        // copy of the text) are brought up to date, and lose their fingerprint so that opening re-tokenizes every
        // entry into the new columns and table.
        command.CommandText = "SELECT count(*) FROM pragma_table_info('entries') WHERE name = 'title_terms'";
        var hasTermColumns = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'entry_terms'";
        var isContentless = ((string?)await command.ExecuteScalarAsync(cancellationToken))?.Contains("contentless_delete", StringComparison.Ordinal) == true;
        if (hasTermColumns && isContentless)
        {
            return;
        }

        command.CommandText = (hasTermColumns ? string.Empty : """
            ALTER TABLE entries ADD COLUMN title_terms TEXT NOT NULL DEFAULT '';
            ALTER TABLE entries ADD COLUMN question_terms TEXT NOT NULL DEFAULT '';
            ALTER TABLE entries ADD COLUMN tag_terms TEXT NOT NULL DEFAULT '';
            """) + """
            DROP TABLE entry_terms_vocab;
            DROP TABLE entry_terms;
            """ + TermTables + """
            DELETE FROM meta WHERE key = 'analyzer_fingerprint';
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Creates <c>entry_revisions</c> (every saved version of every entry: who, when, why, and the entry as stored)
    /// when it is missing. A database from before revisions gets revision 1 for each stored entry, stamped
    /// <paramref name="upgradedAt"/>, in the same transaction: every stored entry then has a revision, so reads never
    /// need a "no history yet" case and the next change is revision 2. The real import time was never recorded, and
    /// a later lazy stamp would be no truer than the upgrade time.
    /// </summary>
    /// <remarks>
    /// No foreign key to <c>entries</c>: with one, SQLite gives each insert a statement journal, whose savepoint
    /// makes FTS5 flush its buffered terms mid-batch (see <see cref="IndexWriteBatch"/>). History outlives a deleted
    /// entry, and a re-created id continues its numbering. A rowid table rather than WITHOUT ROWID: its rows carry
    /// the entry's JSON, too large for a clustered key; importing 5,190 new entries cost 10–12% more CPU with it
    /// (≈1.65 against ≈1.5 s) where WITHOUT ROWID cost 20%.
    /// </remarks>
    public static async Task CreateRevisionsAsync(SqliteConnection connection, DateTimeOffset upgradedAt, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'entry_revisions'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        command.CommandText = """
            CREATE TABLE entry_revisions(
                seq INTEGER PRIMARY KEY,
                entry_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                at_ms INTEGER NOT NULL,
                author TEXT NOT NULL,
                action TEXT NOT NULL,
                data TEXT NOT NULL,
                UNIQUE (entry_id, revision)
            ) STRICT;
            INSERT INTO entry_revisions(entry_id, revision, at_ms, author, action, data)
            SELECT id, 1, $at, $author, $action, data FROM entries;
            """;
        command.Parameters.AddWithValue("$at", upgradedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$author", EntryRevisionWriter.SystemAuthor);
        command.Parameters.AddWithValue("$action", Curation.RevisionActionText.ToText(Curation.RevisionAction.Imported));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<string?> ReadMetaAsync(SqliteConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task WriteMetaAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every term's document frequency (from the FTS5 vocabulary) and the number of indexed entries.</summary>
    public static async Task<(List<KeyValuePair<string, int>> Frequencies, int Documents)> ReadTermStatisticsAsync(
        SqliteConnection connection,
        CancellationToken cancellationToken)
    {
        var frequencies = new List<KeyValuePair<string, int>>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc FROM entry_terms_vocab";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                frequencies.Add(new(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        command.CommandText = "SELECT count(*) FROM entry_terms";
        var documents = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return (frequencies, documents);
    }

    /// <summary>Merges the FTS5 index's segments into one (the caller holds the write lock).</summary>
    public static async Task OptimizeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO entry_terms(entry_terms) VALUES ('optimize')";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
