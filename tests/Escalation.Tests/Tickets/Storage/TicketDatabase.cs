using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

/// <summary>A real <c>tickets.db</c> in its own temporary folder, deleted (with the pooled connections to it) on dispose.</summary>
internal sealed class TicketDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "citizenbot-tickets-" + Guid.NewGuid().ToString("N"));
    private readonly List<TicketStore> _stores = [];

    public string FilePath => Path.Combine(_directory, "tickets.db");

    public async Task<TicketStore> OpenAsync()
    {
        var store = await TicketStore.OpenAsync(FilePath, TimeProvider.System, CancellationToken.None);
        _stores.Add(store);
        return store;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
