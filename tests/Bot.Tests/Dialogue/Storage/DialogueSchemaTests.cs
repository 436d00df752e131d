using CitizenBot.Bot.Dialogue.Storage;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Bot.Tests.Dialogue.Storage;

public sealed class DialogueSchemaTests : IAsyncLifetime
{
    private readonly DialogueDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task OpenAsync_Throws_WhenFileIsAtANewerVersion()
    {
        await (await _database.OpenAsync()).DisposeAsync();
        await using (var connection = new DialogueConnectionFactory(_database.FilePath).Open())
        await using (var command = new SqliteCommand("PRAGMA user_version = 99", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(_database.OpenAsync);
        Assert.Contains("newer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_CreatesCurrentVersionInWalMode_WhenFileIsNew()
    {
        await (await _database.OpenAsync()).DisposeAsync();

        await using var connection = new DialogueConnectionFactory(_database.FilePath).Open();
        await using var command = new SqliteCommand("SELECT (SELECT user_version FROM pragma_user_version) || ' ' || (SELECT journal_mode FROM pragma_journal_mode) || ' ' || (SELECT synchronous FROM pragma_synchronous)", connection);
        Assert.Equal($"{DialogueSchema.Version} wal 2", await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData(SqliteDialogueStore.GetSql, "SEARCH dialogues USING INDEX sqlite_autoindex_dialogues_1 (channel=? AND conversation_id=? AND sender_id=?)")]
    [InlineData(SqliteDialogueStore.ListExpiredSql, "SEARCH dialogues USING COVERING INDEX dialogues_expiring (expires_at<?)")]
    [InlineData(SqliteDialogueStore.FindByTicketSql, "SEARCH dialogues USING INDEX dialogues_by_ticket (ticket_number=?)")]
    [InlineData(SqliteDialogueStore.ListInConversationSql, "SEARCH dialogues USING INDEX dialogues_by_conversation (channel=? AND conversation_id=? AND mode=?)")]
    public async Task ExplainAsync_SearchesTheIndexMadeForEachRead(string sql, string step)
    {
        var store = await _database.OpenAsync();

        var plan = await store.ExplainAsync(sql, CancellationToken.None);

        Assert.Contains(step, plan);
        Assert.DoesNotContain(plan, s => s.StartsWith("SCAN dialogues", StringComparison.Ordinal));
    }
}
