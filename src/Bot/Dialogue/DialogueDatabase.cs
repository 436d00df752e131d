using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// Owns the dialogue store for the host's lifetime: opened at startup (<c>dialogue.db</c> in the data directory, its
/// own file and writer, so a burst of chat never waits on ticket writes) and closed, its queued writes committed, at
/// shutdown.
/// </summary>
internal sealed class DialogueDatabase(IConfiguration configuration, IOptions<ChatOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private SqliteDialogueStore? _store;

    public IDialogueStore Store => _store ?? throw new InvalidOperationException("The dialogue store is used before InitializeDialogueAsync opened it.");

    public string DatabasePath { get; } = Path.Combine(
        HostDataDirectory.Of(configuration),
        options.Value.DatabaseFileName);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _store = await SqliteDialogueStore.OpenAsync(DatabasePath, timeProvider, loggerFactory.CreateLogger<SqliteDialogueStore>(), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
