using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The ids a bulk write has touched in a table that was empty when its transaction began: an id seen here for the
/// first time cannot have a row yet, so the per-entry lookup is skipped (a large import's writer spent a tenth of its
/// time on such queries).
/// </summary>
internal sealed class FirstSightIds
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private FirstSightIds()
    {
    }

    /// <summary>The tables a bulk write looks ids up in.</summary>
    public enum Table
    {
        Entries,
        EntryRevisions,
    }

    /// <summary>A tracker when <paramref name="table"/> has no row inside <paramref name="transaction"/>; null otherwise.</summary>
    /// <param name="transaction">The bulk write's transaction.</param>
    /// <param name="table">The table whose ids are tracked.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task<FirstSightIds?> IfEmptyAsync(SqliteTransaction transaction, Table table, CancellationToken cancellationToken)
    {
        await using var any = transaction.Connection!.CreateCommand();
        any.Transaction = transaction;
        if (table == Table.Entries)
        {
            any.CommandText = "SELECT EXISTS (SELECT 1 FROM entries)";
        }
        else
        {
            any.CommandText = "SELECT EXISTS (SELECT 1 FROM entry_revisions)";
        }

        return Convert.ToInt64(await any.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0 ? new FirstSightIds() : null;
    }

    /// <summary>True the first time <paramref name="id"/> is seen: it has no row in the table.</summary>
    public bool IsFirstSight(string id) => _seen.Add(id);
}
