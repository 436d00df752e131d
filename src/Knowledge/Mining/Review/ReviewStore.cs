using CitizenBot.Knowledge.Index;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>
/// <c>review.db</c>: the latest mining reports, admins' decisions on topics and terms, and so the learned vocabulary
/// (words accepted and synonyms added) that <see cref="KnowledgeBase"/> merges into the lexicon at start.
/// </summary>
/// <remarks>
/// Public only because <see cref="KnowledgeBase"/>'s constructor takes it; its members are internal. One connection,
/// one operation at a time (admin traffic and a daily run); opened on first use. All times are UTC Unix milliseconds.
/// </remarks>
public sealed class ReviewStore : IDisposable
{
    /// <summary>Reports kept; older ones are deleted when a new one is saved (only the latest is ever read).</summary>
    internal const int KeptReports = 10;

    private const string Accepted = "accepted";
    private const string Synonym = "synonym";
    private const string Dismissed = "dismissed";

    private readonly SqliteConnectionFactory _connections;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    internal ReviewStore(string databasePath)
    {
        _connections = new SqliteConnectionFactory(databasePath);
    }

    internal string DatabasePath => _connections.DatabasePath;

    internal Task<LearnedVocabulary> ReadVocabularyAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync(connection => ReadVocabularyAsync(connection, cancellationToken), cancellationToken);

    /// <summary>
    /// The learned vocabulary of the review database at <paramref name="databasePath"/>, read through a read-only
    /// connection (empty when there is no such file): offline commands must see what the service learned without
    /// creating or writing anything in its data directory.
    /// </summary>
    internal static async Task<LearnedVocabulary> ReadVocabularySnapshotAsync(string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return LearnedVocabulary.Empty;
        }

        var readOnly = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(readOnly);
        await connection.OpenAsync(cancellationToken);
        return await ReadVocabularyAsync(connection, cancellationToken);
    }

    private static async Task<LearnedVocabulary> ReadVocabularyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var words = new List<string>();
        var synonyms = new List<LearnedSynonym>();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT term, decision, synonym_of FROM term_decisions
            WHERE decision IN ('accepted', 'synonym')
            ORDER BY seq
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(1) == Accepted)
            {
                words.Add(reader.GetString(0));
            }
            else
            {
                synonyms.Add(new LearnedSynonym(reader.GetString(0), reader.GetString(2)));
            }
        }

        return new LearnedVocabulary(words, synonyms);
    }

    internal Task SaveReportAsync(DateTimeOffset generatedAt, string json, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO reports (generated_at, report) VALUES ($at, $report);
                    DELETE FROM reports WHERE id NOT IN (SELECT id FROM reports ORDER BY id DESC LIMIT $kept);
                    """;
                command.Parameters.AddWithValue("$at", generatedAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$report", json);
                command.Parameters.AddWithValue("$kept", KeptReports);
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>The latest report's time and JSON, or null when mining never ran.</summary>
    internal Task<(DateTimeOffset GeneratedAt, string Json)?> ReadLatestReportAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync<(DateTimeOffset, string)?>(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT generated_at, report FROM reports ORDER BY id DESC LIMIT 1";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? (DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1))
                    : null;
            },
            cancellationToken);

    /// <summary>Records a topic decision; false when the topic was already decided (the first decision stands).</summary>
    internal Task<bool> DecideTopicAsync(string topicId, TopicDecision decision, string? entryId, string author, DateTimeOffset at, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO topic_decisions (topic_id, decision, entry_id, author, decided_at)
                    VALUES ($topic, $decision, $entry, $author, $at)
                    ON CONFLICT (topic_id) DO NOTHING
                    """;
                command.Parameters.AddWithValue("$topic", topicId);
                command.Parameters.AddWithValue("$decision", decision.ToString().ToLowerInvariant());
                command.Parameters.AddWithValue("$entry", (object?)entryId ?? DBNull.Value);
                command.Parameters.AddWithValue("$author", author);
                command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    internal Task<bool> AcceptTermAsync(string term, string author, DateTimeOffset at, CancellationToken cancellationToken) =>
        DecideTermAsync(term, Accepted, null, author, at, cancellationToken);

    internal Task<bool> AddSynonymAsync(string term, string of, string author, DateTimeOffset at, CancellationToken cancellationToken) =>
        DecideTermAsync(term, Synonym, of, author, at, cancellationToken);

    internal Task<bool> DismissTermAsync(string term, string author, DateTimeOffset at, CancellationToken cancellationToken) =>
        DecideTermAsync(term, Dismissed, null, author, at, cancellationToken);

    internal Task<HashSet<string>> ReadDecidedTopicsAsync(CancellationToken cancellationToken) =>
        ReadDecidedAsync(terms: false, cancellationToken);

    internal Task<HashSet<string>> ReadDecidedTermsAsync(CancellationToken cancellationToken) =>
        ReadDecidedAsync(terms: true, cancellationToken);

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        _gate.Dispose();
    }

    private Task<bool> DecideTermAsync(string term, string decision, string? of, string author, DateTimeOffset at, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO term_decisions (term, decision, synonym_of, author, decided_at)
                    VALUES ($term, $decision, $of, $author, $at)
                    ON CONFLICT (term) DO NOTHING
                    """;
                command.Parameters.AddWithValue("$term", term);
                command.Parameters.AddWithValue("$decision", decision);
                command.Parameters.AddWithValue("$of", (object?)of ?? DBNull.Value);
                command.Parameters.AddWithValue("$author", author);
                command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    private Task<HashSet<string>> ReadDecidedAsync(bool terms, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                var values = new HashSet<string>(StringComparer.Ordinal);
                await using var command = connection.CreateCommand();
                if (terms)
                {
                    command.CommandText = "SELECT term FROM term_decisions";
                }
                else
                {
                    command.CommandText = "SELECT topic_id FROM topic_decisions";
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    values.Add(reader.GetString(0));
                }

                return values;
            },
            cancellationToken);

    private async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await OpenAsync(cancellationToken);
            return await operation(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!);
        var connection = _connections.Open();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS reports (
                    id INTEGER PRIMARY KEY,
                    generated_at INTEGER NOT NULL,
                    report TEXT NOT NULL
                );
                CREATE TABLE IF NOT EXISTS topic_decisions (
                    topic_id TEXT PRIMARY KEY,
                    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'attached', 'dismissed')),
                    entry_id TEXT,
                    author TEXT NOT NULL,
                    decided_at INTEGER NOT NULL
                );
                CREATE TABLE IF NOT EXISTS term_decisions (
                    seq INTEGER PRIMARY KEY,
                    term TEXT NOT NULL UNIQUE,
                    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'synonym', 'dismissed')),
                    synonym_of TEXT CHECK ((decision = 'synonym') = (synonym_of IS NOT NULL)),
                    author TEXT NOT NULL,
                    decided_at INTEGER NOT NULL
                );
                PRAGMA user_version = 1;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
