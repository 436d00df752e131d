using System.Globalization;
using System.Text;
using CitizenBot.Knowledge.Curation;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// Appends revisions to <c>entry_revisions</c> inside a write batch's transaction, so an entry and its revision are
/// committed (or rolled back) together. Statements are prepared once per batch.
/// </summary>
/// <remarks>
/// The next number is read and then inserted with a plain single-row INSERT rather than one INSERT … SELECT: a
/// multi-row statement gets a statement journal, whose savepoint makes FTS5 flush the terms a bulk batch buffers.
/// </remarks>
internal sealed class EntryRevisionWriter : IAsyncDisposable
{
    /// <summary>The author of revisions no person made: upgrade back-fill and imports without a named author.</summary>
    public const string SystemAuthor = "system";

    private const string InsertSql = """
        INSERT INTO entry_revisions(entry_id, revision, at_ms, author, action, data)
        VALUES ($id, $revision, $at, $author, $action, $data)
        """;

    private readonly SqliteCommand _latest;
    private readonly SqliteCommand _insert;
    private readonly RawStatement _insertPrepared;

    /// <summary>
    /// Ids given a revision by this writer, when it began on an empty <c>entry_revisions</c> table: the first revision
    /// of any of them is number 1 without a query (null when the table was not empty).
    /// </summary>
    private FirstSightIds? _appendedIntoEmpty;

    public EntryRevisionWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _latest = connection.CreateCommand();
        _latest.Transaction = transaction;
        _latest.CommandText = "SELECT max(revision) FROM entry_revisions WHERE entry_id = $id";
        _latest.Parameters.Add("$id", SqliteType.Text);

        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = InsertSql;
        _insert.Parameters.Add("$id", SqliteType.Text);
        _insert.Parameters.Add("$revision", SqliteType.Integer);
        _insert.Parameters.Add("$at", SqliteType.Integer);
        _insert.Parameters.Add("$author", SqliteType.Text);
        _insert.Parameters.Add("$action", SqliteType.Text);
        _insert.Parameters.Add("$data", SqliteType.Text);
        _insertPrepared = new RawStatement(connection, InsertSql);
    }

    /// <summary>
    /// For a bulk import: when no entry has a revision yet (a first import, a rebuild), number each id's first
    /// revision without reading the table — the query was a tenth of a large import's CPU.
    /// </summary>
    public async Task SkipLookupsIfEmptyAsync(CancellationToken cancellationToken) =>
        _appendedIntoEmpty = await FirstSightIds.IfEmptyAsync(_latest.Transaction!, FirstSightIds.Table.EntryRevisions, cancellationToken);

    /// <summary>The entry's latest revision number, 0 when it has none.</summary>
    public async Task<int> LatestAsync(string entryId, CancellationToken cancellationToken)
    {
        _latest.Parameters["$id"].Value = entryId;
        return await _latest.ExecuteScalarAsync(cancellationToken) is long latest ? checked((int)latest) : 0;
    }

    /// <summary>Adds the next revision of <paramref name="entryId"/> holding <paramref name="json"/>; returns its number.</summary>
    public async Task<int> AppendAsync(string entryId, string json, RevisionStamp stamp, CancellationToken cancellationToken)
    {
        var revision = await LatestAsync(entryId, cancellationToken) + 1;
        var p = _insert.Parameters;
        p["$id"].Value = entryId;
        p["$revision"].Value = revision;
        p["$at"].Value = stamp.At.ToUnixTimeMilliseconds();
        p["$author"].Value = stamp.Author;
        p["$action"].Value = RevisionActionText.ToText(stamp.Action);
        p["$data"].Value = json;
        await _insert.ExecuteNonQueryAsync(cancellationToken);
        return revision;
    }

    /// <summary>
    /// As <see cref="AppendAsync(string, string, RevisionStamp, CancellationToken)"/> for an entry of an import,
    /// binding the UTF-8 its preparation already encoded.
    /// </summary>
    public async ValueTask<int> AppendAsync(PreparedEntry entry, RevisionStamp stamp, CancellationToken cancellationToken)
    {
        var revision = _appendedIntoEmpty?.IsFirstSight(entry.Entry.Id) == true
            ? 1
            : await LatestAsync(entry.Entry.Id, cancellationToken) + 1;
        _insertPrepared.Bind(1, entry.Row[PreparedEntry.IdValue]);
        _insertPrepared.Bind(2, revision);
        _insertPrepared.Bind(3, stamp.At.ToUnixTimeMilliseconds());
        _insertPrepared.Bind(4, Encoding.UTF8.GetBytes(stamp.Author));
        _insertPrepared.Bind(5, Encoding.UTF8.GetBytes(RevisionActionText.ToText(stamp.Action)));
        _insertPrepared.Bind(6, entry.Row[PreparedEntry.JsonValue]);
        _insertPrepared.Execute();
        return revision;
    }

    public async ValueTask DisposeAsync()
    {
        await _latest.DisposeAsync();
        await _insert.DisposeAsync();
        _insertPrepared.Dispose();
    }

    /// <summary>Reads an action stored by <see cref="AppendAsync(string, string, RevisionStamp, CancellationToken)"/>.</summary>
    public static RevisionAction ParseAction(string text) =>
        RevisionActionText.TryParse(text, out var action)
            ? action
            : throw new KnowledgeContentException(string.Create(CultureInfo.InvariantCulture, $"Unknown revision action '{text}' in knowledge.db."));
}
