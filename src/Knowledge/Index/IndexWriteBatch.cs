using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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
    private readonly SqliteCommand _deleteEntry;
    private readonly SqliteCommand _deleteTerms;
    private readonly RawStatement _insertEntry;
    private readonly RawStatement _updateEntry;
    private readonly RawStatement _insertTerms;
    private readonly sqlite3 _db;

    /// <summary>
    /// Ids written by this batch, when it began on an empty <c>entries</c> table: any other id cannot exist yet,
    /// so <see cref="FindAsync"/> answers without a query (null when the table was not empty).
    /// </summary>
    private FirstSightIds? _writtenIntoEmpty;

    private IndexWriteBatch(SqliteConnection connection, SqliteTransaction transaction, bool bulk)
    {
        _transaction = transaction;
        _bulk = bulk;
        _db = connection.Handle!;
        _find = Command(connection, "SELECT seq, content_hash, status, data FROM entries WHERE id = $id", "$id");
        _deleteEntry = Command(connection, "DELETE FROM entries WHERE seq = $seq", "$seq");
        _deleteTerms = Command(connection, "DELETE FROM entry_terms WHERE rowid = $seq", "$seq");

        // The per-entry statements bind values the preparing threads already encoded (see RawStatement). The new
        // seq is read with last_insert_rowid() rather than RETURNING: RETURNING gives the INSERT a statement
        // journal, and SQLite opens a savepoint on every virtual table of the transaction for it, at which FTS5
        // writes out the terms it buffered, so each entry left a segment of its own to be merged (3× the cost).
        _insertEntry = new RawStatement(
            connection,
            """
            INSERT INTO entries(id, status, category, title, data, content_hash, title_terms, question_terms, tag_terms)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """);
        _updateEntry = new RawStatement(
            connection,
            """
            UPDATE entries
            SET status = ?2, category = ?3, title = ?4, data = ?5, content_hash = ?6,
                title_terms = ?7, question_terms = ?8, tag_terms = ?9
            WHERE seq = ?1
            """);
        _insertTerms = new RawStatement(
            connection,
            "INSERT INTO entry_terms(rowid, title, questions, answer, tags, category) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
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
            batch._writtenIntoEmpty = await FirstSightIds.IfEmptyAsync(transaction, FirstSightIds.Table.Entries, cancellationToken);
        }

        return batch;
    }

    public SqliteTransaction Transaction => _transaction;

    public async Task<StoredEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_writtenIntoEmpty?.IsFirstSight(id) == true)
        {
            // First sight of this id in a batch that began on an empty table: it cannot be stored yet.
            return null;
        }

        _find.Parameters["$id"].Value = id;
        await using var reader = await _find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2) == nameof(Content.EntryStatus.Published), reader.GetString(3))
            : null;
    }

    /// <summary>Inserts a new entry and returns its seq.</summary>
    /// <remarks>Synchronous, as SQLite is: the writer runs it for every entry of an import.</remarks>
    public long InsertEntry(PreparedEntry prepared)
    {
        _insertEntry.Bind(1, prepared.Row[PreparedEntry.IdValue]);
        BindEntry(_insertEntry, prepared.Row);
        _insertEntry.Execute();
        return raw.sqlite3_last_insert_rowid(_db);
    }

    public void UpdateEntry(long seq, PreparedEntry prepared)
    {
        _updateEntry.Bind(1, seq);
        BindEntry(_updateEntry, prepared.Row);
        _updateEntry.Execute();
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

    /// <summary>Makes a prepared, published entry searchable under <paramref name="seq"/>.</summary>
    public void InsertTerms(long seq, PreparedEntry prepared)
    {
        var row = prepared.Row;
        _insertTerms.Bind(1, seq);
        _insertTerms.Bind(2, row[PreparedEntry.TitleTermsValue]);
        _insertTerms.Bind(3, row[PreparedEntry.QuestionTermsValue]);
        _insertTerms.Bind(4, row[PreparedEntry.AnswerTermsValue]);
        _insertTerms.Bind(5, row[PreparedEntry.TagTermsValue]);
        _insertTerms.Bind(6, row[PreparedEntry.CategoryTermsValue]);
        _insertTerms.Execute();
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
        foreach (var command in (SqliteCommand[])[_find, _deleteEntry, _deleteTerms])
        {
            await command.DisposeAsync();
        }

        foreach (var statement in (RawStatement[])[_insertEntry, _updateEntry, _insertTerms])
        {
            statement.Dispose();
        }

        await _transaction.DisposeAsync();
    }

    /// <summary>Binds parameters 2–9 of the entry statements: everything but the first (the id or the seq).</summary>
    private static void BindEntry(RawStatement statement, Utf8Row row)
    {
        statement.Bind(2, row[PreparedEntry.StatusValue]);
        statement.Bind(3, row[PreparedEntry.CategoryValue]);
        statement.Bind(4, row[PreparedEntry.TitleValue]);
        statement.Bind(5, row[PreparedEntry.JsonValue]);
        statement.Bind(6, row[PreparedEntry.HashValue]);
        statement.Bind(7, row[PreparedEntry.TitleTermsValue]);
        statement.Bind(8, row[PreparedEntry.QuestionTermsValue]);
        statement.Bind(9, row[PreparedEntry.TagAndCategoryTermsValue]);
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
