using CitizenBot.Knowledge.Content;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The curation reads of the knowledge database: entries with their latest revision, and an entry's history. Each
/// call runs on a connection of its own (admin reads are rare; searches keep their pooled sessions).
/// </summary>
internal static class EntryRevisionReader
{
    /// <summary>
    /// Entries joined to their latest revision; <c>LEFT JOIN</c> so an entry is never hidden, with revision 0 if
    /// it somehow had none.
    /// </summary>
    private const string CurrentEntries = """
        SELECT e.data, coalesce(r.revision, 0), coalesce(r.at_ms, 0), coalesce(r.author, ''), coalesce(r.action, 'imported')
        FROM entries AS e
        LEFT JOIN entry_revisions AS r
            ON r.entry_id = e.id
            AND r.revision = (SELECT max(revision) FROM entry_revisions WHERE entry_id = e.id)
        """;

    public static async Task<StoredRevision?> CurrentAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = CurrentEntries + " WHERE e.id = $id";
        command.Parameters.AddWithValue("$id", id);
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Every stored entry, optionally of one status and category, with its latest revision, in id order.</summary>
    public static async Task<List<StoredRevision>> ListCurrentAsync(
        SqliteConnection connection,
        EntryStatus? status,
        string? category,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = CurrentEntries + """
             WHERE ($status IS NULL OR e.status = $status) AND ($category IS NULL OR e.category = $category)
            ORDER BY e.id
            """;
        command.Parameters.AddWithValue("$status", status is { } s ? s.ToString() : DBNull.Value);
        command.Parameters.AddWithValue("$category", category is null ? DBNull.Value : category);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The entry's revisions, newest first (empty for an unknown id).</summary>
    public static async Task<List<StoredRevision>> HistoryAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT data, revision, at_ms, author, action FROM entry_revisions
            WHERE entry_id = $id
            ORDER BY revision DESC
            """;
        command.Parameters.AddWithValue("$id", id);
        return await ReadAsync(command, cancellationToken);
    }

    public static async Task<StoredRevision?> RevisionAsync(SqliteConnection connection, string id, int revision, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data, revision, at_ms, author, action FROM entry_revisions WHERE entry_id = $id AND revision = $revision";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$revision", revision);
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<List<StoredRevision>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StoredRevision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredRevision(
                EntryJson.Deserialize(reader.GetString(0)),
                reader.GetInt32(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetString(3),
                EntryRevisionWriter.ParseAction(reader.GetString(4))));
        }

        return rows;
    }
}
