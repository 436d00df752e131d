using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Messaging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// Lets half-finished steps lapse: a form or a "which community?" question left unanswered for
/// <see cref="ChatOptions.IdleTimeout"/> ends with a polite note, unanswered choices and rating requests end quietly.
/// Expiry times are stored with the dialogue, so a restart loses none; once an hour it also forgets handled message
/// ids older than <see cref="ChatOptions.HandledMessageRetention"/>.
/// </summary>
internal sealed class DialogueExpirySweeper(
    IDialogueStore store,
    ChatDelivery delivery,
    KeyedGate<string> residentGate,
    IOptions<ChatOptions> options,
    TimeProvider timeProvider,
    ILogger<DialogueExpirySweeper> logger) : BackgroundService
{
    public const int BatchSize = 200;

    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryScanInterval, timeProvider);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.ExpiryPassFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass: every dialogue due by now lapses (in batches), then old message ids are pruned if it is time.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var lapsed = 0;
        while (true)
        {
            var due = await store.ListExpiredAsync(now, BatchSize, cancellationToken);
            foreach (var dialogue in due)
            {
                lapsed += await LapseAsync(dialogue.Key, now, cancellationToken) ? 1 : 0;
            }

            if (due.Count < BatchSize)
            {
                break;
            }
        }

        if (lapsed > 0)
        {
            Log.DialoguesExpired(logger, lapsed);
        }

        if (now >= _nextPrune)
        {
            _nextPrune = now + PruneInterval;
            var pruned = await store.PruneHandledMessagesAsync(now - options.Value.HandledMessageRetention, cancellationToken);
            if (pruned > 0)
            {
                Log.HandledMessagesPruned(logger, pruned);
            }
        }
    }

    private async Task<bool> LapseAsync(DialogueKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var turnOfResident = await residentGate.EnterAsync(ResidentIds.Of(key.Channel, key.SenderId), cancellationToken);

        // Re-read under the gate: the resident may have answered since the listing.
        var state = await store.GetAsync(key, cancellationToken);
        if (state?.ExpiresAt is not { } expiresAt || expiresAt > now)
        {
            return false;
        }

        var note = state.Mode switch
        {
            DialogueMode.Form => $"您的问题登记因长时间没有回复，已自动取消，已填的内容不会提交。需要时再跟我说一声就行，比如“楼道灯坏了”。",
            DialogueMode.AwaitingHuman => $"刚才的转人工请求因长时间没有回复已取消。需要时再说“转人工”就行。",
            _ => null,
        };
        await store.SaveAsync([state.Cleared()], cancellationToken);
        if (note is not null)
        {
            var type = state.InGroup ? ConversationType.Group : ConversationType.Private;
            await delivery.PushAsync(key.Channel, key.SenderId, new BotReply(key.ConversationId, type, state.InGroup ? $"@{state.SenderName} {note}" : note, state.InGroup ? [key.SenderId] : [], [], null, null), cancellationToken);
        }

        return true;
    }
}
