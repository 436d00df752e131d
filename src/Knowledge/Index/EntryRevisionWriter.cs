using System.Globalization;
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

    private readonly SqliteCommand _latest;
    private readonly SqliteCommand _insert;

    public EntryRevisionWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _latest = connection.CreateCommand();
        _latest.Transaction = transaction;
        _latest.CommandText = "SELECT max(revision) FROM entry_revisions WHERE entry_id = $id";
        _latest.Parameters.Add("$id", SqliteType.Text);

        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = """
            INSERT INTO entry_revisions(entry_id, revision, at_ms, author, action, data)
            VALUES ($id, $revision, $at, $author, $action, $data)
            """;
        _insert.Parameters.Add("$id", SqliteType.Text);
        _insert.Parameters.Add("$revision", SqliteType.Integer);
        _insert.Parameters.Add("$at", SqliteType.Integer);
        _insert.Parameters.Add("$author", SqliteType.Text);
        _insert.Parameters.Add("$action", SqliteType.Text);
        _insert.Parameters.Add("$data", SqliteType.Text);
    }

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

    public async ValueTask DisposeAsync()
    {
        await _latest.DisposeAsync();
        await _insert.DisposeAsync();
    }

    /// <summary>Reads an action stored by <see cref="AppendAsync"/>.</summary>
    public static RevisionAction ParseAction(string text) =>
        RevisionActionText.TryParse(text, out var action)
            ? action
            : throw new KnowledgeContentException(string.Create(CultureInfo.InvariantCulture, $"Unknown revision action '{text}' in knowledge.db."));
}
