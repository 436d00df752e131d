using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Bot.Tests.Dialogue.Storage;

/// <summary>A real <c>dialogue.db</c> in a temporary folder; closes the stores it opened and deletes the folder on dispose.</summary>
internal sealed class DialogueDatabase : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqliteDialogueStore> _stores = [];

    public DialogueTestClock Clock { get; } = new(DialogueStates.At);

    public string FilePath => _directory.Combine("data", "dialogue.db");

    public async Task<SqliteDialogueStore> OpenAsync()
    {
        var store = await SqliteDialogueStore.OpenAsync(FilePath, Clock, NullLogger.Instance, CancellationToken.None);
        _stores.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _directory.Dispose();
    }
}
