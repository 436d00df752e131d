using System.Collections.Concurrent;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Curation;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The knowledge base's store and full-text index in one SQLite file: entries as data, and their analyzer terms in
/// an FTS5 table (ascii tokenizer, so our own Chinese analyzer decides what a term is). This folder is the only code
/// that writes SQL for the knowledge database: the schema, the write batch and the read session are its parts.
/// </summary>
/// <remarks>
/// One writer at a time (a semaphore); searches use a pool of read connections and never wait for a write, thanks
/// to WAL. Only published entries are searchable; drafts are stored but not indexed. Document frequencies are kept
/// in memory (<see cref="TermStatistics"/>) and change only after a write commits.
/// </remarks>
public sealed class KnowledgeIndex : IDisposable
{
    private readonly SqliteConnectionFactory _connections;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<IndexReadSession> _readers = [];
    private readonly EntryCache _entries = new();
    private readonly FaqCategoryCatalog _categories;
    private readonly string _rankFunction;
    private ChineseAnalyzer _analyzer;
    private bool _disposed;

    /// <summary>
    /// Batches that write at least this many entries end with an FTS5 optimize. Measured on the seed base, the
    /// segments a 173-entry import leaves behind made searches 5× slower than one merged segment (1.08 against
    /// 0.22 ms for the ranked query); single edits are left to FTS5's own automerge.
    /// </summary>
    private const int OptimizeThreshold = 20;

    /// <summary>
    /// Stamps the revisions the index makes on its own (plain imports, the upgrade back-fill); curated writes bring
    /// their stamp from the caller's clock.
    /// </summary>
    private static readonly TimeProvider RevisionClock = TimeProvider.System;

    private KnowledgeIndex(SqliteConnectionFactory connections, SqliteConnection writer, ChineseAnalyzer analyzer, FaqCategoryCatalog categories, IndexWeights weights)
    {
        _connections = connections;
        _writer = writer;
        _analyzer = analyzer;
        _categories = categories;
        _rankFunction = weights.ToRankFunction();
    }

    /// <summary>
    /// The analyzer the stored terms were built with. Swapped by <see cref="ReplaceAnalyzerAsync"/> (learned words):
    /// read it once per operation, as a search does, so one query never mixes two analyzers.
    /// </summary>
    public ChineseAnalyzer Analyzer => Volatile.Read(ref _analyzer);

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
            await KnowledgeSchema.CreateRevisionsAsync(writer, RevisionClock.GetUtcNow(), cancellationToken);
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

    /// <summary>
    /// Adds or replaces many entries in one transaction: all of them or none. Each added or changed entry gets a
    /// revision stamped <paramref name="stamp"/> in the same transaction; unchanged ones get none.
    /// </summary>
    /// <remarks>
    /// Entries are analyzed on every core before the write lock is taken; the single writer then only runs
    /// prepared statements. A batch of some size ends with an FTS5 <c>optimize</c>, merging the index segments it
    /// created: searches over many segments are several times slower.
    /// </remarks>
    internal async Task<ImportSummary> UpsertManyAsync(IReadOnlyCollection<KnowledgeEntry> entries, RevisionStamp stamp, CancellationToken cancellationToken)
    {
        var bulk = entries.Count >= OptimizeThreshold;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var delta = new TermStatisticsDelta();
            int added = 0, updated = 0, unchanged = 0;
            await using (var batch = await IndexWriteBatch.BeginAsync(_writer, bulk, cancellationToken))
            await using (var revisions = new EntryRevisionWriter(_writer, batch.Transaction))
            {
                if (bulk)
                {
                    await revisions.SkipLookupsIfEmptyAsync(cancellationToken);
                }

                // Entries' terms are counted as they are prepared; those of entries left unchanged come off again.
                await foreach (var chunk in PreparedEntry.StreamAsync(entries, Analyzer, _categories, delta, cancellationToken))
                {
                    foreach (var entry in chunk)
                    {
                        var change = await UpsertAsync(batch, entry, delta, cancellationToken);
                        if (change != IndexChange.Unchanged)
                        {
                            await revisions.AppendAsync(entry, stamp, cancellationToken);
                        }

                        _ = change switch
                        {
                            IndexChange.Added => added++,
                            IndexChange.Updated => updated++,
                            _ => unchanged++,
                        };
                        if (change == IndexChange.Unchanged && entry.Document is { } skipped)
                        {
                            delta.RemoveDocument(skipped.DistinctTerms);
                        }
                    }
                }

                await batch.CommitAsync(cancellationToken);
            }

            // Statistics and cached entries follow the database only once the transaction is durable.
            _entries.Invalidate();
            Terms.Apply(delta);
            if (bulk)
            {
                await KnowledgeSchema.OptimizeAsync(_writer, CancellationToken.None);
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
            await using var batch = await IndexWriteBatch.BeginAsync(_writer, bulk: false, cancellationToken);
            if (await batch.FindAsync(id, cancellationToken) is not { } existing)
            {
                return false;
            }

            var delta = new TermStatisticsDelta();
            if (IndexedTermsOf(existing) is { } removedTerms)
            {
                delta.RemoveDocument(removedTerms);
            }

            await batch.RemoveTermsAsync(existing.Seq, cancellationToken);
            await batch.DeleteEntryAsync(existing.Seq, cancellationToken);
            await batch.CommitAsync(cancellationToken);
            _entries.Invalidate();
            Terms.Apply(delta);

            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Re-tokenizes every stored entry with the current analyzer, in one transaction.</summary>
    public Task ReindexAsync(CancellationToken cancellationToken) => RetokenizeAsync(null, cancellationToken);

    /// <summary>
    /// Re-tokenizes every stored entry with <paramref name="analyzer"/>, in one transaction under the write lock, and
    /// then makes it the index's analyzer (a lexicon that learned words). Searches go on meanwhile with the old
    /// analyzer over the old terms; when the transaction fails, nothing changes.
    /// </summary>
    public Task ReplaceAnalyzerAsync(ChineseAnalyzer analyzer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return RetokenizeAsync(analyzer, cancellationToken);
    }

    /// <summary>Re-tokenizes with <paramref name="replacement"/>, or with the analyzer current once the lock is held.</summary>
    private async Task RetokenizeAsync(ChineseAnalyzer? replacement, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // Read under the lock: a reindex queued behind a replacement must not bring the old analyzer back.
            var analyzer = replacement ?? Analyzer;
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

            await using (var batch = await IndexWriteBatch.BeginAsync(_writer, bulk: true, cancellationToken))
            {
                await using (var clear = _writer.CreateCommand())
                {
                    clear.Transaction = batch.Transaction;
                    clear.CommandText = "INSERT INTO entry_terms(entry_terms) VALUES ('delete-all')";
                    await clear.ExecuteNonQueryAsync(cancellationToken);
                }

                var i = 0;
                await foreach (var chunk in PreparedEntry.StreamAsync(stored.Select(s => s.Entry), analyzer, _categories, countTermsInto: null, cancellationToken))
                {
                    foreach (var prepared in chunk)
                    {
                        var seq = stored[i++].Seq;
                        batch.UpdateEntry(seq, prepared);
                        if (prepared.Document is not null)
                        {
                            batch.InsertTerms(seq, prepared);
                        }
                    }
                }

                await KnowledgeSchema.WriteMetaAsync(_writer, batch.Transaction, KnowledgeSchema.AnalyzerFingerprintKey, analyzer.Fingerprint, cancellationToken);
                await batch.CommitAsync(cancellationToken);
            }

            // Still under the write lock, and not cancellable: once the new terms are committed the analyzer and the
            // statistics must follow them, or queries and IDF weights would describe the old tokenization until the
            // next restart. The swap comes first: a word the old analyzer never emitted only misses until the reset.
            Volatile.Write(ref _analyzer, analyzer);
            _entries.Invalidate();
            await LoadTermStatisticsAsync(CancellationToken.None);
            await KnowledgeSchema.OptimizeAsync(_writer, CancellationToken.None);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The stored entry with <paramref name="id"/> (published or draft), or null.</summary>
    public async Task<KnowledgeEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (_entries.TryGet(id, out var cached))
        {
            return cached;
        }

        var generation = _entries.Generation;
        string? data;
        var session = RentReader();
        try
        {
            session.Get.Parameters["$id"].Value = id;
            data = (string?)await session.Get.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            ReturnReader(session);
        }

        if (data is null)
        {
            return null;
        }

        var entry = EntryJson.Deserialize(data);
        _entries.Set(entry, generation);
        return entry;
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
    /// Adds or replaces many entries in one transaction: all of them or none. Each added or changed entry gets an
    /// <c>imported</c> revision by <c>system</c>, in the same transaction; unchanged ones get none.
    /// </summary>
    public Task<ImportSummary> UpsertManyAsync(IReadOnlyCollection<KnowledgeEntry> entries, CancellationToken cancellationToken) =>
        UpsertManyAsync(entries, new RevisionStamp(RevisionClock.GetUtcNow(), EntryRevisionWriter.SystemAuthor, RevisionAction.Imported), cancellationToken);

    /// <summary>The category catalog entries are indexed with (curation checks categories against it).</summary>
    internal FaqCategoryCatalog Categories => _categories;

    /// <summary>
    /// Writes one entry and its next revision in one transaction, when <paramref name="precondition"/> holds inside
    /// it; searchable at once when published, taken out of search otherwise. Same content as stored: nothing written.
    /// </summary>
    internal async Task<RevisionWriteResult> WriteRevisionAsync(
        KnowledgeEntry entry,
        RevisionStamp stamp,
        RevisionPrecondition precondition,
        CancellationToken cancellationToken)
    {
        var prepared = PreparedEntry.Create(entry, Analyzer, _categories);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var delta = new TermStatisticsDelta();
            int revision;
            await using (var batch = await IndexWriteBatch.BeginAsync(_writer, bulk: false, cancellationToken))
            await using (var revisions = new EntryRevisionWriter(_writer, batch.Transaction))
            {
                // Returning before the commit disposes the batch, which rolls its transaction back.
                var exists = await batch.FindAsync(entry.Id, cancellationToken) is not null;
                var latest = await revisions.LatestAsync(entry.Id, cancellationToken);
                if (precondition.MustBeNew == exists)
                {
                    return new(exists ? RevisionWriteStatus.IdTaken : RevisionWriteStatus.NotFound, latest);
                }

                if (precondition.ExpectedRevision is { } expected && expected != latest)
                {
                    return new(RevisionWriteStatus.Conflict, latest);
                }

                if (await UpsertAsync(batch, prepared, delta, cancellationToken) == IndexChange.Unchanged)
                {
                    return new(RevisionWriteStatus.Unchanged, latest);
                }

                // A bulk batch counts its documents on the analysis threads; a single write counts its own.
                if (prepared.Document is { } document)
                {
                    delta.AddDocument(document.DistinctTerms);
                }

                revision = await revisions.AppendAsync(entry.Id, prepared.Json, stamp, cancellationToken);
                await batch.CommitAsync(cancellationToken);
            }

            _entries.Invalidate();
            Terms.Apply(delta);
            return new(RevisionWriteStatus.Saved, revision);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The stored entry with its latest revision, or null.</summary>
    internal async Task<StoredRevision?> GetCurrentAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        return await EntryRevisionReader.CurrentAsync(connection, id, cancellationToken);
    }

    /// <summary>Every stored entry (optionally of one status and category) with its latest revision, in id order.</summary>
    internal async Task<List<StoredRevision>> ListCurrentAsync(EntryStatus? status, string? category, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        return await EntryRevisionReader.ListCurrentAsync(connection, status, category, cancellationToken);
    }

    /// <summary>The revisions of <paramref name="id"/>, newest first.</summary>
    internal async Task<List<StoredRevision>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        return await EntryRevisionReader.HistoryAsync(connection, id, cancellationToken);
    }

    /// <summary>One revision of <paramref name="id"/>, or null.</summary>
    internal async Task<StoredRevision?> GetRevisionAsync(string id, int revision, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        return await EntryRevisionReader.RevisionAsync(connection, id, revision, cancellationToken);
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

    /// <summary>
    /// Writes one prepared entry. The terms it adds were counted as it was prepared; only those an update removes
    /// are counted here.
    /// </summary>
    private async Task<IndexChange> UpsertAsync(IndexWriteBatch batch, PreparedEntry entry, TermStatisticsDelta delta, CancellationToken cancellationToken)
    {
        var existing = await batch.FindAsync(entry.Entry.Id, cancellationToken);
        if (existing is { } same && same.Hash == entry.Hash)
        {
            return IndexChange.Unchanged;
        }

        long seq;
        if (existing is { } old)
        {
            seq = old.Seq;
            if (IndexedTermsOf(old) is { } removed)
            {
                delta.RemoveDocument(removed);
            }

            await batch.RemoveTermsAsync(seq, cancellationToken);
            batch.UpdateEntry(seq, entry);
        }
        else
        {
            seq = batch.InsertEntry(entry);
        }

        if (entry.Document is not null)
        {
            batch.InsertTerms(seq, entry);
        }

        return existing is null ? IndexChange.Added : IndexChange.Updated;
    }

    /// <summary>
    /// The distinct terms a stored entry was indexed with, for document-frequency bookkeeping. The FTS5 table is
    /// contentless, so they are re-derived from the stored entry: the fingerprint check at open guarantees the
    /// analyzer is the one that indexed it.
    /// </summary>
    private HashSet<string>? IndexedTermsOf(StoredEntry stored) =>
        stored.IsPublished ? IndexDocument.From(EntryJson.Deserialize(stored.Json), Analyzer, _categories).DistinctTerms : null;

    private async Task LoadTermStatisticsAsync(CancellationToken cancellationToken)
    {
        var (frequencies, count) = await KnowledgeSchema.ReadTermStatisticsAsync(_writer, cancellationToken);
        Terms.Reset(frequencies, count);
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
