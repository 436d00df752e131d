using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Bot.Auth;

/// <summary>
/// Staff passwords, in their own SQLite file (<c>accounts.db</c>) in the data directory: who the people are comes
/// from org.yaml; only what org.yaml must never hold lives here. WAL with full sync, one short transaction per write.
/// Thread-safe: every call opens a pooled connection of its own.
/// </summary>
internal sealed class CredentialStore
{
    private readonly string _connectionString;

    public CredentialStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Creates the file and table when missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(DatabasePath)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS credentials(
                person_id TEXT PRIMARY KEY,
                password_hash TEXT NOT NULL,
                is_seed INTEGER NOT NULL,
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT NULL,
                changed_at TEXT NOT NULL
            ) STRICT;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredCredential?> FindAsync(string personId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash, is_seed, failed_attempts, locked_until FROM credentials WHERE person_id = $id";
        command.Parameters.AddWithValue("$id", personId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredCredential(
            personId,
            reader.GetString(0),
            reader.GetInt64(1) != 0,
            reader.GetInt32(2),
            await reader.IsDBNullAsync(3, cancellationToken) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    /// <summary>The ids among <paramref name="personIds"/> that have no password yet.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(IEnumerable<string> personIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_id FROM credentials";
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(reader.GetString(0));
            }
        }

        return [.. personIds.Where(id => !known.Contains(id))];
    }

    /// <summary>Gives each of <paramref name="personIds"/> that has no password the same seed hash, in one transaction.</summary>
    public async Task SeedAsync(IReadOnlyList<string> personIds, string seedHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO credentials(person_id, password_hash, is_seed, changed_at) VALUES ($id, $hash, 1, $now)
            ON CONFLICT(person_id) DO NOTHING
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.AddWithValue("$hash", seedHash);
        command.Parameters.AddWithValue("$now", Format(now));
        foreach (var personId in personIds)
        {
            id.Value = personId;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Sets a person's own new password and clears throttling.</summary>
    public Task SetPasswordAsync(string personId, string hash, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO credentials(person_id, password_hash, is_seed, failed_attempts, locked_until, changed_at)
            VALUES ($id, $hash, 0, 0, NULL, $now)
            ON CONFLICT(person_id) DO UPDATE SET password_hash = $hash, is_seed = 0, failed_attempts = 0,
                                                 locked_until = NULL, changed_at = $now
            """,
            cancellationToken,
            ("$id", personId),
            ("$hash", hash),
            ("$now", Format(now)));

    /// <summary>Records a successful sign-in (clears throttling), optionally upgrading the stored hash.</summary>
    public Task RecordSuccessAsync(string personId, string? rehashed, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE credentials SET failed_attempts = 0, locked_until = NULL,
                                   password_hash = coalesce($rehashed, password_hash)
            WHERE person_id = $id
            """,
            cancellationToken,
            ("$id", personId),
            ("$rehashed", rehashed));

    /// <summary>Counts a wrong password; the <paramref name="maxAttempts"/>th in a row locks the account until <paramref name="lockUntil"/>.</summary>
    public Task RecordFailureAsync(string personId, int maxAttempts, DateTimeOffset lockUntil, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE credentials
            SET failed_attempts = CASE WHEN failed_attempts + 1 >= $max THEN 0 ELSE failed_attempts + 1 END,
                locked_until = CASE WHEN failed_attempts + 1 >= $max THEN $lockUntil ELSE locked_until END
            WHERE person_id = $id
            """,
            cancellationToken,
            ("$id", personId),
            ("$max", maxAttempts),
            ("$lockUntil", Format(lockUntil)));

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    [SuppressMessage("Security", "CA2100", Justification = "Every caller passes a constant statement; values travel as parameters.")]
    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        // A changed password or a lockout must survive a power cut as surely as a ticket: full sync.
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
