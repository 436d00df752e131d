using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The knowledge database's tables: <c>entries</c> (each entry as data), <c>entry_terms</c> (FTS5 over analyzer terms,
/// ascii tokenizer, so our analyzer alone decides what a term is), its vocabulary view, and <c>meta</c>.
/// </summary>
internal static class KnowledgeSchema
{
    /// <summary>The analyzer fingerprint the stored terms were built with.</summary>
    public const string AnalyzerFingerprintKey = "analyzer_fingerprint";

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
                content_hash TEXT NOT NULL
            ) STRICT;
            CREATE VIRTUAL TABLE IF NOT EXISTS entry_terms USING fts5(
                title, questions, answer, tags, category,
                tokenize = 'ascii'
            );
            CREATE VIRTUAL TABLE IF NOT EXISTS entry_terms_vocab USING fts5vocab(entry_terms, 'row');
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
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
}
