using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The write statements of one transaction on the writer connection, each prepared once and reused for every
/// entry of a batch. Only <see cref="KnowledgeIndex"/> creates it, while holding the write lock.
/// </summary>
internal sealed class IndexWriteBatch : IAsyncDisposable
{
    /// <summary>FTS5's default automerge setting.</summary>
    private const int DefaultAutomerge = 4;

    /// <summary>FTS5's default for the terms it buffers in memory before writing them out as a segment (1 MiB).</summary>
    private const int DefaultHashSize = 1 << 20;

    /// <summary>
    /// What a bulk batch lets FTS5 buffer instead: 10,000 entries fit, so such an import writes one segment rather
    /// than the dozens (each merged again and again) that 1 MiB flushes made. 64 MiB was no faster at 10,000 entries
    /// and slower at 100,000, with 70 MiB more peak working set.
    /// </summary>
    private const int BulkHashSize = 16 << 20;

    private readonly SqliteTransaction _transaction;
    private readonly bool _bulk;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insertEntry;
    private readonly SqliteCommand _updateEntry;
    private readonly SqliteCommand _deleteEntry;
    private readonly SqliteCommand _deleteTerms;
    private readonly SqliteCommand _insertTerms;

    private IndexWriteBatch(SqliteConnection connection, SqliteTransaction transaction, bool bulk)
    {
        _transaction = transaction;
        _bulk = bulk;
        _find = Command(connection, "SELECT seq, content_hash, status, data FROM entries WHERE id = $id", "$id");
        // The new seq is read with last_insert_rowid() rather than RETURNING: RETURNING gives the INSERT a statement
        // journal, and SQLite opens a savepoint on every virtual table of the transaction for it, at which FTS5
        // writes out the terms it buffered, so each entry left a segment of its own to be merged (3× the cost).
        _insertEntry = Command(
            connection,
            """
            INSERT INTO entries(id, status, category, title, data, content_hash, title_terms, question_terms, tag_terms)
            VALUES ($id, $status, $category, $title, $data, $hash, $titleTerms, $questionTerms, $tagTerms);
            SELECT last_insert_rowid();
            """,
            "$id", "$status", "$category", "$title", "$data", "$hash", "$titleTerms", "$questionTerms", "$tagTerms");
        _updateEntry = Command(
            connection,
            """
            UPDATE entries
            SET status = $status, category = $category, title = $title, data = $data, content_hash = $hash,
                title_terms = $titleTerms, question_terms = $questionTerms, tag_terms = $tagTerms
            WHERE seq = $seq
            """,
            "$seq", "$status", "$category", "$title", "$data", "$hash", "$titleTerms", "$questionTerms", "$tagTerms");
        _deleteEntry = Command(connection, "DELETE FROM entries WHERE seq = $seq", "$seq");
        _deleteTerms = Command(connection, "DELETE FROM entry_terms WHERE rowid = $seq", "$seq");
        _insertTerms = Command(
            connection,
            "INSERT INTO entry_terms(rowid, title, questions, answer, tags, category) VALUES ($seq, $title, $questions, $answer, $tags, $category)",
            "$seq", "$title", "$questions", "$answer", "$tags", "$category");
    }

    /// <summary>
    /// Begins a transaction; a <paramref name="bulk"/> batch turns FTS5's automerge off and lets it buffer more terms
    /// in memory until commit.
    /// </summary>
    /// <remarks>
    /// Automerge spends each insert merging the segments the previous inserts wrote; a bulk batch is followed by
    /// one full optimize instead, so the incremental work would only be done twice. The settings are part of the
    /// transaction: a rollback restores them with everything else.
    /// </remarks>
    public static async Task<IndexWriteBatch> BeginAsync(SqliteConnection connection, bool bulk, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var batch = new IndexWriteBatch(connection, transaction, bulk);
        if (bulk)
        {
            await batch.SetOptionAsync("automerge", 0, cancellationToken);
            await batch.SetOptionAsync("hashsize", BulkHashSize, cancellationToken);
        }

        return batch;
    }

    public SqliteTransaction Transaction => _transaction;

    public async Task<StoredEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        _find.Parameters["$id"].Value = id;
        await using var reader = await _find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2) == nameof(Content.EntryStatus.Published), reader.GetString(3))
            : null;
    }

    public async Task<long> InsertEntryAsync(PreparedEntry prepared, CancellationToken cancellationToken)
    {
        SetEntry(_insertEntry, prepared);
        _insertEntry.Parameters["$id"].Value = prepared.Entry.Id;
        return (long)(await _insertEntry.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task UpdateEntryAsync(long seq, PreparedEntry prepared, CancellationToken cancellationToken)
    {
        SetEntry(_updateEntry, prepared);
        _updateEntry.Parameters["$seq"].Value = seq;
        return _updateEntry.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task DeleteEntryAsync(long seq, CancellationToken cancellationToken)
    {
        _deleteEntry.Parameters["$seq"].Value = seq;
        return _deleteEntry.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes an entry's searchable terms (a no-op for a draft, which has none).</summary>
    public Task RemoveTermsAsync(long seq, CancellationToken cancellationToken)
    {
        _deleteTerms.Parameters["$seq"].Value = seq;
        return _deleteTerms.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task InsertTermsAsync(long seq, IndexDocument document, CancellationToken cancellationToken)
    {
        var p = _insertTerms.Parameters;
        p["$seq"].Value = seq;
        p["$title"].Value = document.Title;
        p["$questions"].Value = document.Questions;
        p["$answer"].Value = document.Answer;
        p["$tags"].Value = document.Tags;
        p["$category"].Value = document.Category;
        return _insertTerms.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_bulk)
        {
            await SetOptionAsync("automerge", DefaultAutomerge, cancellationToken);
            await SetOptionAsync("hashsize", DefaultHashSize, cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
    }

    private async Task SetOptionAsync(string option, int value, CancellationToken cancellationToken)
    {
        await using var command = _find.Connection!.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "INSERT INTO entry_terms(entry_terms, rank) VALUES ($option, $value)";
        command.Parameters.AddWithValue("$option", option);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in (SqliteCommand[])[_find, _insertEntry, _updateEntry, _deleteEntry, _deleteTerms, _insertTerms])
        {
            await command.DisposeAsync();
        }

        await _transaction.DisposeAsync();
    }

    private static void SetEntry(SqliteCommand command, PreparedEntry prepared)
    {
        var (entry, document) = (prepared.Entry, prepared.Document);
        var p = command.Parameters;
        p["$status"].Value = entry.Status.ToString();
        p["$category"].Value = entry.Category;
        p["$title"].Value = entry.Title;
        p["$data"].Value = prepared.Json;
        p["$hash"].Value = prepared.Hash;
        p["$titleTerms"].Value = document?.Title ?? string.Empty;
        p["$questionTerms"].Value = document?.Questions ?? string.Empty;
        p["$tagTerms"].Value = document?.TagAndCategoryTerms ?? string.Empty;
    }

    [SuppressMessage("Security", "CA2100", Justification = "Every statement is a constant of this class; values travel as parameters.")]
    private SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            // No declared type: each value binds as what it is (seq as an integer, terms as text).
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
