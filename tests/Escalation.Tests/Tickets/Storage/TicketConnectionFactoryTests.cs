using CitizenBot.Escalation.Tickets.Storage;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

public sealed class TicketConnectionFactoryTests
{
    [Fact]
    public async Task Open_SetsWalFullSyncBusyTimeoutAndForeignKeys_WhenConnecting()
    {
        await using var database = new TicketDatabase();
        using var store = await database.OpenAsync();

        await using var connection = new TicketConnectionFactory(database.FilePath).Open();
        await using var command = connection.CreateCommand();

        command.CommandText = "SELECT journal_mode, synchronous, timeout, foreign_keys FROM pragma_journal_mode, pragma_synchronous, pragma_busy_timeout, pragma_foreign_keys";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal("wal", reader.GetString(0));
        Assert.Equal(2, reader.GetInt32(1));
        Assert.Equal(5000, reader.GetInt32(2));
        Assert.Equal(1, reader.GetInt32(3));
    }
}
