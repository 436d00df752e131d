using CitizenBot.Escalation.Reporting;
using CitizenBot.Escalation.Tickets.Storage;
using Xunit.Abstractions;

namespace CitizenBot.Escalation.Tests.Reporting;

/// <summary>
/// A cheap guard for speed on a large store: no report query may read a whole table. SQLite's planner decides the
/// same way on an empty file as on a million tickets, since neither has statistics (nobody runs ANALYZE).
/// </summary>
public sealed class ReportQueryPlanTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool> Queries()
    {
        var data = new TheoryData<string, bool>();
        foreach (var (name, _) in ReportSql.All)
        {
            data.Add(name, true);
            data.Add(name, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_SearchesIndexes_NeverScansATable(string name, bool everyTicket)
    {
        await using var harness = await ReportingHarness.CreateAsync(DateTimeOffset.UnixEpoch);
        var sql = ReportSql.All.Single(q => q.Name == name).Sql;

        var plan = await ExplainAsync(harness.DatabasePath, ReportSql.Scoped(sql, everyTicket));
        output.WriteLine(string.Join('\n', plan));

        // "SCAN t" / "SCAN e" (with or without an index) walk a whole table or index; json_each is the grid list.
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("json_each", StringComparison.Ordinal));
        // The (type, at) index searched by type alone walks that type's whole history.
        Assert.DoesNotContain(plan, step => step.Contains("reporting_events_type_at (type=?)", StringComparison.Ordinal));
        if (sql.Contains("ticket_events e", StringComparison.Ordinal))
        {
            Assert.Contains(plan, step => step.StartsWith("SEARCH e USING", StringComparison.Ordinal) && step.Contains("reporting_events_type_at", StringComparison.Ordinal));
            Assert.Contains(plan, step => step.StartsWith("SEARCH t USING COVERING INDEX", StringComparison.Ordinal));
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The text is a ReportSql constant.")]
    private static async Task<List<string>> ExplainAsync(string databasePath, string sql)
    {
        await using var connection = new TicketConnectionFactory(databasePath).Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
