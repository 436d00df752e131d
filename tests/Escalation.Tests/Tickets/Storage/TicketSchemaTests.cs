using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

public sealed class TicketSchemaTests : IAsyncLifetime
{
    private readonly TicketDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task OpenAsync_UpgradesVersionZeroFile_KeepingItsTicketsAndReplacingItsIndexes()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database.FilePath)!);
        await using (var connection = new TicketConnectionFactory(_database.FilePath).Open())
        await using (var command = connection.CreateCommand())
        {
            // The tables and indexes as version 0 created them, with one ticket in them.
            command.CommandText = """
                CREATE TABLE tickets(number TEXT PRIMARY KEY, status TEXT NOT NULL, level TEXT NULL, holder_node_id TEXT NULL,
                    grid_node_id TEXT NULL, category_item_id TEXT NOT NULL, urgency INTEGER NOT NULL, supervised INTEGER NOT NULL,
                    version INTEGER NOT NULL, submitted_at TEXT NOT NULL, next_due_at TEXT NULL, next_due_kind TEXT NULL,
                    updated_at TEXT NOT NULL, snapshot TEXT NOT NULL) STRICT;
                CREATE INDEX tickets_next_due_at ON tickets(next_due_at) WHERE next_due_at IS NOT NULL;
                CREATE INDEX tickets_holder_node_id ON tickets(holder_node_id);
                CREATE INDEX tickets_grid_node_id ON tickets(grid_node_id);
                CREATE INDEX tickets_submitted_at ON tickets(submitted_at);
                CREATE TABLE ticket_events(number TEXT NOT NULL REFERENCES tickets(number), seq INTEGER NOT NULL, type TEXT NOT NULL,
                    at TEXT NOT NULL, actor TEXT NOT NULL, note TEXT NULL, from_level TEXT NULL, to_level TEXT NULL, data TEXT NULL,
                    PRIMARY KEY(number, seq)) STRICT, WITHOUT ROWID;
                CREATE TABLE ticket_sequences(day TEXT PRIMARY KEY, last INTEGER NOT NULL) STRICT;
                INSERT INTO ticket_sequences VALUES ('2025-03-01', 7);
                INSERT INTO tickets VALUES ('HQ-20250301-0007', 'Submitted', NULL, NULL, 'g-a1', 'lighting.stairwell', 3, 0, 1,
                    '2025-03-01T01:30:00.0000000+00:00', '2025-03-01T02:30:00.0000000+00:00', 'accept', '2025-03-01T01:30:00.0000000+00:00',
                    '{"Number":"HQ-20250301-0007","Status":"Submitted","CategoryItemId":"lighting.stairwell","Urgency":"Blue","Description":"楼道灯不亮","Location":{"GridNodeId":"g-a1","Address":"红桥区某某里"},"Reporter":{"SenderId":"wx-1","Phone":"13800000000"},"Attachments":[],"SubmittedAt":"2025-03-01T01:30:00+00:00","ResolvedAt":null,"ClosedAt":null,"LastTransitionAt":"2025-03-01T01:30:00+00:00","Version":1,"Level":null,"HolderNodeId":null,"Holders":null,"VisibleToNodeIds":[],"Supervised":false,"Events":[]}');
                INSERT INTO ticket_events VALUES ('HQ-20250301-0007', 1, 'Submitted', '2025-03-01T01:30:00.0000000+00:00', 'resident', NULL, NULL, NULL, NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();

        var store = await _database.OpenAsync();

        var ticket = await store.GetAsync(TicketNumber.Parse("HQ-20250301-0007"), CancellationToken.None);
        Assert.NotNull(ticket);
        Assert.Equal("楼道灯不亮", ticket.Description);
        Assert.Equal(8, (await store.NextNumberAsync(new DateOnly(2025, 3, 1), CancellationToken.None)).Sequence);
        Assert.Equal(
            ["tickets_by_grid", "tickets_by_holder", "tickets_by_reporter", "tickets_by_status", "tickets_by_submitted", "tickets_due", "tickets_supervised"],
            await ScalarsAsync("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL ORDER BY name"));
        Assert.Equal([(object)(long)TicketSchema.Version], await ScalarsAsync("PRAGMA user_version"));
    }

    [Fact]
    public async Task OpenAsync_UpgradesVersionOneFile_BackFillingReporterIdFromSnapshots()
    {
        var old = StoredTickets.Submitted(3);
        var first = await _database.OpenAsync();
        await first.InsertAsync(old, null, null, CancellationToken.None);
        await first.DisposeAsync();
        // Back to the file version 1 left: no reporter column or index, user_version 1.
        await ScalarsAsync("""
            DROP INDEX tickets_by_reporter;
            ALTER TABLE tickets DROP COLUMN reporter_id;
            PRAGMA user_version = 1;
            """);
        SqliteConnection.ClearAllPools();

        var store = await _database.OpenAsync();
        var newer = StoredTickets.Submitted(4);
        await store.InsertAsync(newer, null, null, CancellationToken.None);

        Assert.Equal([(object)(long)TicketSchema.Version], await ScalarsAsync("PRAGMA user_version"));
        Assert.Equal(["wx-3", "wx-4"], await ScalarsAsync("SELECT reporter_id FROM tickets ORDER BY number"));
        var listed = await store.ListAsync(new TicketQuery { ReporterId = old.Reporter.ChannelUserId }, CancellationToken.None);
        StoredTickets.AssertSame(old, Assert.Single(listed));
    }

    [Fact]
    public async Task OpenAsync_Throws_WhenFileIsAtANewerVersion()
    {
        await (await _database.OpenAsync()).DisposeAsync();
        await ScalarsAsync($"PRAGMA user_version = {TicketSchema.Version + 1}");
        SqliteConnection.ClearAllPools();

        await Assert.ThrowsAsync<InvalidOperationException>(_database.OpenAsync);
    }

    [Fact]
    public async Task ExplainListDueAsync_ReadsTheCoveringDueIndexInOrder()
    {
        var store = await _database.OpenAsync();

        var plan = await store.ExplainListDueAsync(CancellationToken.None);

        Assert.Equal(["SEARCH tickets USING COVERING INDEX tickets_due (next_due_at>? AND next_due_at<?)"], plan);
    }

    [Theory]
    [InlineData("holder", "tickets_by_holder")]
    [InlineData("grid", "tickets_by_grid")]
    [InlineData("status", "tickets_by_status")]
    [InlineData("supervised", "tickets_supervised")]
    [InlineData("reporter", "tickets_by_reporter")]
    [InlineData("reporter and status", "tickets_by_reporter")]
    [InlineData("none", "tickets_by_submitted")]
    public async Task ExplainListAsync_PicksThePageOffACoveringIndex_WhateverTheFilter(string filter, string index)
    {
        var store = await _database.OpenAsync();
        var query = filter switch
        {
            "holder" => new TicketQuery { HolderNodeIds = ["c-a"] },
            "grid" => new TicketQuery { GridNodeIds = ["g-a1", "g-a2"], Supervised = false },
            "status" => new TicketQuery { Statuses = [TicketStatus.Assigned, TicketStatus.Accepted] },
            "supervised" => new TicketQuery { Supervised = true },
            "reporter" => new TicketQuery { ReporterId = "wx-1" },
            "reporter and status" => new TicketQuery { ReporterId = "wx-1", Statuses = [TicketStatus.Resolved, TicketStatus.Closed] },
            _ => new TicketQuery(),
        };

        var plan = await store.ExplainListAsync(query, CancellationToken.None);

        Assert.Contains(plan, step => step.Contains($"COVERING INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN tickets", StringComparison.Ordinal) && !step.Contains("COVERING INDEX", StringComparison.Ordinal));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Test SQL built from constants.")]
    private async Task<List<object>> ScalarsAsync(string sql)
    {
        await using var connection = new TicketConnectionFactory(_database.FilePath).Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<object>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }
}
