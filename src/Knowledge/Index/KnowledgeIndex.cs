using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The knowledge base's store and full-text index in one SQLite file: entries as data, and their analyzer terms in
/// an FTS5 table (ascii tokenizer, so our own Chinese analyzer decides what a term is). The only code that writes
/// SQL for the knowledge database.
/// </summary>
/// <remarks>
/// One writer at a time (a semaphore); searches use a pool of read connections and never wait for a write, thanks
/// to WAL. Only published entries are searchable; drafts are stored but not indexed.
/// </remarks>
public sealed class KnowledgeIndex : IDisposable
{
    private readonly SqliteConnectionFactory _connections;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<IndexReadSession> _readers = [];
    private readonly FaqCategoryCatalog _categories;
    private readonly string _rankFunction;
    private bool _disposed;

    private KnowledgeIndex(SqliteConnectionFactory connections, SqliteConnection writer, ChineseAnalyzer analyzer, FaqCategoryCatalog categories, IndexWeights weights)
    {
        _connections = connections;
        _writer = writer;
        Analyzer = analyzer;
        _categories = categories;
        _rankFunction = weights.ToRankFunction();
    }

    public ChineseAnalyzer Analyzer { get; }

    /// <summary>Number of searchable (published) entries.</summary>
    public int Count => Terms.DocumentCount;

    /// <summary>Path of the SQLite file.</summary>
    public string DatabasePath => _connections.DatabasePath;

    internal TermStatistics Terms { get; } = new();

    /// <summary>
    /// Opens (creating if needed) the index at <paramref name="databasePath"/>. When the analyzer's fingerprint
    /// differs from the one the terms were built with (new lexicon words, changed rules), every entry is
    /// re-tokenized before the index is returned.
    /// </summary>
    public static async Task<KnowledgeIndex> OpenAsync(
        string databasePath,
        ChineseAnalyzer analyzer,
        FaqCategoryCatalog categories,
        IndexWeights weights,
        CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var factory = new SqliteConnectionFactory(databasePath);
        var writer = factory.Open();
        var index = new KnowledgeIndex(factory, writer, analyzer, categories, weights);
        try
        {
            await KnowledgeSchema.CreateAsync(writer, cancellationToken);
            if (await KnowledgeSchema.ReadMetaAsync(writer, KnowledgeSchema.AnalyzerFingerprintKey, cancellationToken) != analyzer.Fingerprint)
            {
                await index.ReindexAsync(cancellationToken);
            }
            else
            {
                await index.LoadTermStatisticsAsync(cancellationToken);
            }

            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Adds or replaces one entry; unchanged content is detected by hash and skipped.</summary>
    public async Task<IndexChange> UpsertAsync(KnowledgeEntry entry, CancellationToken cancellationToken)
    {
        var summary = await UpsertManyAsync([entry], cancellationToken);
        return summary.Added > 0 ? IndexChange.Added : summary.Updated > 0 ? IndexChange.Updated : IndexChange.Unchanged;
    }

    /// <summary>Adds or replaces many entries in one transaction: all of them or none.</summary>
    public async Task<ImportSummary> UpsertManyAsync(IReadOnlyCollection<KnowledgeEntry> entries, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var pending = new List<(HashSet<string>? Removed, HashSet<string>? Added)>();
            int added = 0, updated = 0, unchanged = 0;
            await using (var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken))
            {
                foreach (var entry in entries)
                {
                    var change = await UpsertInTransactionAsync(entry, transaction, pending, cancellationToken);
                    _ = change switch
                    {
                        IndexChange.Added => added++,
                        IndexChange.Updated => updated++,
                        _ => unchanged++,
                    };
                }

                await transaction.CommitAsync(cancellationToken);
            }

            // Statistics follow the database only once the transaction is durable.
            foreach (var (removed, addedTerms) in pending)
            {
                if (removed is not null)
                {
                    Terms.RemoveDocument(removed);
                }

                if (addedTerms is not null)
                {
                    Terms.AddDocument(addedTerms);
                }
            }

            return new ImportSummary(added, updated, unchanged);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Removes an entry; returns false when no entry has that id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken);
            var existing = await FindStoredAsync(id, transaction, cancellationToken);
            if (existing is null)
            {
                return false;
            }

            var removedTerms = await DeleteTermsAsync(existing.Value.Seq, transaction, cancellationToken);
            await ExecuteAsync("DELETE FROM entries WHERE seq = $seq", transaction, cancellationToken, ("$seq", existing.Value.Seq));
            await transaction.CommitAsync(cancellationToken);
            if (removedTerms is not null)
            {
                Terms.RemoveDocument(removedTerms);
            }

            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Re-tokenizes every stored entry with the current analyzer, in one transaction.</summary>
    public async Task ReindexAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var stored = new List<(long Seq, KnowledgeEntry Entry)>();
            await using (var read = _writer.CreateCommand())
            {
                read.CommandText = "SELECT seq, data FROM entries ORDER BY seq";
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    stored.Add((reader.GetInt64(0), EntryJson.Deserialize(reader.GetString(1))));
                }
            }

            await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync("DELETE FROM entry_terms", transaction, cancellationToken);
            foreach (var (seq, entry) in stored.Where(s => s.Entry.Status == EntryStatus.Published))
            {
                await InsertTermsAsync(seq, IndexDocument.From(entry, Analyzer, _categories), transaction, cancellationToken);
            }

            await KnowledgeSchema.WriteMetaAsync(_writer, transaction, KnowledgeSchema.AnalyzerFingerprintKey, Analyzer.Fingerprint, cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            // Still under the write lock, and not cancellable: once the new terms are committed the statistics
            // must follow them, or IDF weights would describe the old tokenization until the next restart.
            await LoadTermStatisticsAsync(CancellationToken.None);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The stored entry with <paramref name="id"/> (published or draft), or null.</summary>
    public async Task<KnowledgeEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var session = RentReader();
        try
        {
            session.Get.Parameters["$id"].Value = id;
            var data = (string?)await session.Get.ExecuteScalarAsync(cancellationToken);
            return data is null ? null : EntryJson.Deserialize(data);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    /// <summary>Ids of all stored entries, published or not, in id order.</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        var session = RentReader();
        try
        {
            var ids = new List<string>();
            await using var reader = await session.ListIds.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }
        finally
        {
            ReturnReader(session);
        }
    }

    /// <summary>
    /// Runs an FTS5 <paramref name="matchExpression"/> (built by the query builder from analyzer terms only) and
    /// returns up to <paramref name="limit"/> entries by weighted BM25.
    /// </summary>
    internal List<IndexCandidate> FindCandidates(string matchExpression, int limit)
    {
        var session = RentReader();
        try
        {
            var command = session.Search;
            command.Parameters["$match"].Value = matchExpression;
            command.Parameters["$limit"].Value = limit;
            var candidates = new List<IndexCandidate>(limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                candidates.Add(new IndexCandidate(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    -reader.GetDouble(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6)));
            }

            return candidates;
        }
        finally
        {
            ReturnReader(session);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_readers.TryTake(out var session))
        {
            session.Dispose();
        }

        _writer.Dispose();
        _writeGate.Dispose();
    }

    private async Task<IndexChange> UpsertInTransactionAsync(
        KnowledgeEntry entry,
        SqliteTransaction transaction,
        List<(HashSet<string>? Removed, HashSet<string>? Added)> pending,
        CancellationToken cancellationToken)
    {
        var hash = entry.ContentHash();
        var existing = await FindStoredAsync(entry.Id, transaction, cancellationToken);
        if (existing is { } same && same.Hash == hash)
        {
            return IndexChange.Unchanged;
        }

        HashSet<string>? removed = null;
        long seq;
        if (existing is { } old)
        {
            seq = old.Seq;
            removed = await DeleteTermsAsync(seq, transaction, cancellationToken);
            await ExecuteAsync(
                "UPDATE entries SET status = $status, category = $category, title = $title, data = $data, content_hash = $hash WHERE seq = $seq",
                transaction,
                cancellationToken,
                ("$seq", seq),
                ("$status", entry.Status.ToString()),
                ("$category", entry.Category),
                ("$title", entry.Title),
                ("$data", EntryJson.Serialize(entry)),
                ("$hash", hash));
        }
        else
        {
            await using var insert = _writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO entries(id, status, category, title, data, content_hash)
                VALUES ($id, $status, $category, $title, $data, $hash)
                RETURNING seq
                """;
            insert.Parameters.AddWithValue("$id", entry.Id);
            insert.Parameters.AddWithValue("$status", entry.Status.ToString());
            insert.Parameters.AddWithValue("$category", entry.Category);
            insert.Parameters.AddWithValue("$title", entry.Title);
            insert.Parameters.AddWithValue("$data", EntryJson.Serialize(entry));
            insert.Parameters.AddWithValue("$hash", hash);
            seq = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        HashSet<string>? added = null;
        if (entry.Status == EntryStatus.Published)
        {
            var document = IndexDocument.From(entry, Analyzer, _categories);
            await InsertTermsAsync(seq, document, transaction, cancellationToken);
            added = document.DistinctTerms();
        }

        pending.Add((removed, added));
        return existing is null ? IndexChange.Added : IndexChange.Updated;
    }

    private async Task<(long Seq, string Hash)?> FindStoredAsync(string id, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq, content_hash FROM entries WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Deletes an entry's terms and returns them, or null when it had none (a draft).</summary>
    private async Task<HashSet<string>?> DeleteTermsAsync(long seq, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        IndexDocument? old = null;
        await using (var select = _writer.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT title, questions, answer, tags, category FROM entry_terms WHERE rowid = $seq";
            select.Parameters.AddWithValue("$seq", seq);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                old = new IndexDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            }
        }

        if (old is null)
        {
            return null;
        }

        await ExecuteAsync("DELETE FROM entry_terms WHERE rowid = $seq", transaction, cancellationToken, ("$seq", seq));
        return old.DistinctTerms();
    }

    private Task InsertTermsAsync(long seq, IndexDocument document, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO entry_terms(rowid, title, questions, answer, tags, category) VALUES ($seq, $title, $questions, $answer, $tags, $category)",
            transaction,
            cancellationToken,
            ("$seq", seq),
            ("$title", document.Title),
            ("$questions", document.Questions),
            ("$answer", document.Answer),
            ("$tags", document.Tags),
            ("$category", document.Category));

    private async Task LoadTermStatisticsAsync(CancellationToken cancellationToken)
    {
        var frequencies = new List<KeyValuePair<string, int>>();
        await using var command = _writer.CreateCommand();
        command.CommandText = "SELECT term, doc FROM entry_terms_vocab";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                frequencies.Add(new(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        command.CommandText = "SELECT count(*) FROM entry_terms";
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        Terms.Reset(frequencies, count);
    }

    [SuppressMessage("Security", "CA2100", Justification = "Every caller passes a constant statement; values travel as parameters.")]
    private async Task ExecuteAsync(string sql, SqliteTransaction? transaction, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private IndexReadSession RentReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _readers.TryTake(out var session) ? session : new IndexReadSession(_connections.Open(), _rankFunction);
    }

    private void ReturnReader(IndexReadSession session)
    {
        if (_disposed)
        {
            session.Dispose();
            return;
        }

        _readers.Add(session);
    }

}
