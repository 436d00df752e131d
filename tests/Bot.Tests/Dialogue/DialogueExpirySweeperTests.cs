using CitizenBot.Bot.Channels;
using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue;
using CitizenBot.Bot.Messaging;
using DialogueDatabase = CitizenBot.Bot.Tests.Dialogue.Storage.DialogueDatabase;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Tests.Dialogue;

/// <summary>Idle dialogues lapse on the stored expiry time, read through a manual clock, against a real dialogue.db.</summary>
public sealed class DialogueExpirySweeperTests : IAsyncLifetime
{
    private static readonly DialogueKey PrivateKey = new("web", "dm-r1", "r1");
    private static readonly DialogueKey GroupKey = new("web", "grp-xyz-01-01", "r2");

    private readonly DialogueDatabase _database = new();
    private readonly ConversationFeed _feed;
    private readonly ChatOptions _options = new() { IdleTimeout = TimeSpan.FromMinutes(30) };
    private Bot.Dialogue.Storage.SqliteDialogueStore? _store;

    public DialogueExpirySweeperTests() => _feed = new ConversationFeed(_database.Clock);

    public async Task InitializeAsync() => _store = await _database.OpenAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SweepAsync_LapsesAFormLeftUnanswered_WithAPoliteNote()
    {
        var now = _database.Clock.GetUtcNow();
        await _store!.SaveAsync([Form(PrivateKey, now + _options.IdleTimeout)], CancellationToken.None);
        var sweeper = NewSweeper();

        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(DialogueMode.Form, (await _store.GetAsync(PrivateKey, CancellationToken.None))?.Mode);

        _database.Clock.Advance(_options.IdleTimeout + TimeSpan.FromSeconds(1));
        await sweeper.SweepAsync(CancellationToken.None);

        var state = await _store.GetAsync(PrivateKey, CancellationToken.None);
        Assert.True(state is null || (state.Mode == DialogueMode.Idle && state.Draft is null && state.ExpiresAt is null));
        var note = await FirstMessageAsync(PrivateKey.ConversationId);
        Assert.True(note.FromBot);
        Assert.Contains("已自动取消", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAsync_InAGroup_MentionsTheResident()
    {
        var now = _database.Clock.GetUtcNow();
        await _store!.SaveAsync([Form(GroupKey, now + TimeSpan.FromMinutes(1)) with { InGroup = true, SenderName = "王阿姨" }], CancellationToken.None);
        _database.Clock.Advance(TimeSpan.FromMinutes(2));

        await NewSweeper().SweepAsync(CancellationToken.None);

        var note = await FirstMessageAsync(GroupKey.ConversationId);
        Assert.Equal(["r2"], note.Mentions);
        Assert.StartsWith("@王阿姨", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAsync_LetsUnansweredChoicesLapseQuietly()
    {
        var now = _database.Clock.GetUtcNow();
        var choices = DialogueState.Start(PrivateKey, "r1", now) with { Mode = DialogueMode.Clarifying, ChoiceEntryIds = ["a", "b"], ExpiresAt = now + TimeSpan.FromMinutes(1) };
        await _store!.SaveAsync([choices], CancellationToken.None);
        _database.Clock.Advance(TimeSpan.FromMinutes(2));

        await NewSweeper().SweepAsync(CancellationToken.None);

        var state = await _store.GetAsync(PrivateKey, CancellationToken.None);
        Assert.True(state is null || state.Mode == DialogueMode.Idle);
        Assert.False(_feed.Knows(PrivateKey.ConversationId));
    }

    private static DialogueState Form(DialogueKey key, DateTimeOffset expiresAt) =>
        DialogueState.Start(key, "r", expiresAt) with
        {
            Mode = DialogueMode.Form,
            Draft = new ComplaintDraft { CategoryItemId = "drainage.blocked-sewer", Asking = ComplaintSlot.Phone },
            ExpiresAt = expiresAt,
        };

    private DialogueExpirySweeper NewSweeper()
    {
        var options = Options.Create(_options);
        var delivery = new ChatDelivery(_feed, new ResidentOutbox(), options, _database.Clock);
        return new DialogueExpirySweeper(_store!, delivery, new KeyedGate<string>(), options, _database.Clock, NullLogger<DialogueExpirySweeper>.Instance);
    }

    private async Task<ChatEvent> FirstMessageAsync(string conversationId)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var message in _feed.SubscribeAsync(conversationId, cancel.Token))
        {
            return message;
        }

        throw new InvalidOperationException("No message.");
    }
}
