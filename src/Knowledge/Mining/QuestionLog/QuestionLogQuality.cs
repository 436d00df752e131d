using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// The quality view's queries. Both are aggregates over a time range of the <c>questions_quality</c> covering index:
/// one per calendar day (a range scan each, no sort), and one grouping the period's answered rows by entry. Nothing
/// is read row by row into memory.
/// </summary>
internal static class QuestionLogQuality
{
    /// <summary>How many times an entry must have answered (or been picked) in the period to be ranked among the worst.</summary>
    public const int MinAnswered = 3;

    private const long DayMs = 86_400_000;

    /// <summary>One day's counts ($from, $to: Unix ms).</summary>
    internal const string DayCountsSql = """
        SELECT count(*), sum(decision = 'answer'), sum(decision = 'clarify'), sum(decision = 'abstain'),
               sum(followed_by_handoff), sum(rephrased)
        FROM questions INDEXED BY questions_quality
        WHERE at >= $from AND at < $to
        """;

    /// <summary>The worst entries ($from, $to: Unix ms; $min answers; at most $limit).</summary>
    internal const string EntryCountsSql = """
        SELECT entry_id, count(*) AS answered, sum(rephrased), sum(followed_by_handoff),
               sum(rephrased OR followed_by_handoff) AS bad
        FROM questions INDEXED BY questions_quality
        WHERE at >= $from AND at < $to AND entry_id IS NOT NULL
        GROUP BY entry_id
        HAVING answered >= $min AND bad > 0
        ORDER BY CAST(bad AS REAL) / answered DESC, answered DESC, entry_id
        LIMIT $limit
        """;

    public static async Task<QualityReport> ReadAsync(
        SqliteConnection connection,
        DateTimeOffset from,
        DateTimeOffset to,
        TimeSpan utcOffset,
        int worstEntries,
        CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            throw new ArgumentException("The period must end after it starts.", nameof(to));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(worstEntries);
        var localFrom = from.ToOffset(utcOffset);
        var localTo = to.ToOffset(utcOffset);

        // One read transaction: the days and the entries are counted on the same snapshot of the log. Deferred, so it
        // takes no write lock (the writer goes on); BEGIN DEFERRED itself touches no file, hence not the async call,
        // which has no deferred overload and would begin IMMEDIATE.
#pragma warning disable CA1849
        await using var transaction = connection.BeginTransaction(deferred: true);
#pragma warning restore CA1849
        var days = await ReadDaysAsync(transaction, localFrom, localTo, cancellationToken);
        var worst = await ReadWorstEntriesAsync(transaction, from, to, worstEntries, cancellationToken);
        return new QualityReport(localFrom, localTo, days, QualityTotals.Of(days), worst);
    }

    private static async Task<List<QualityDay>> ReadDaysAsync(
        SqliteTransaction transaction, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // A GROUP BY on the day ((at + offset) / day) would sort every row of the period first; one range per day
        // reads each day straight off the index, and costs a statement per day (30–90 for the view).
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = DayCountsSql;
        var fromParameter = command.Parameters.Add("$from", SqliteType.Integer);
        var toParameter = command.Parameters.Add("$to", SqliteType.Integer);
        var days = new List<QualityDay>();
        for (var date = DateOnly.FromDateTime(from.DateTime); ; date = date.AddDays(1))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), from.Offset);
            if (start >= to)
            {
                break;
            }

            fromParameter.Value = Math.Max(start.ToUnixTimeMilliseconds(), from.ToUnixTimeMilliseconds());
            toParameter.Value = Math.Min(start.ToUnixTimeMilliseconds() + DayMs, to.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var questions = reader.GetInt32(0);

            // sum() over no rows is NULL.
            days.Add(questions == 0
                ? new QualityDay(date, 0, 0, 0, 0, 0, 0)
                : new QualityDay(date, questions, reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return days;
    }

    private static async Task<List<EntryQuality>> ReadWorstEntriesAsync(
        SqliteTransaction transaction, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        // Entries never followed by a rephrase or handoff are not "worst" at any rate, so they are left out.
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = EntryCountsSql;
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$min", MinAnswered);
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<EntryQuality>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var answered = reader.GetInt32(1);
            entries.Add(new EntryQuality(reader.GetString(0), answered, reader.GetInt32(2), reader.GetInt32(3), (double)reader.GetInt32(4) / answered));
        }

        return entries;
    }
}
