using CitizenBot.Bot.Dialogue;
using static CitizenBot.Bot.Tests.Dialogue.Storage.DialogueStates;

namespace CitizenBot.Bot.Tests.Dialogue.Storage;

public sealed class SqliteDialogueStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly DialogueDatabase _database = new();
    private CitizenBot.Bot.Dialogue.Storage.SqliteDialogueStore _store = null!;

    public async Task InitializeAsync() => _store = await _database.OpenAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task GetAsync_ReturnsEveryField_WhenStateWithFullDraftWasCommitted()
    {
        var state = Full("u-1");

        Assert.True(await _store.CommitAsync(Channel, "m-1", [state], null, None));

        AssertSame(state, await _store.GetAsync(state.Key, None));
    }

    [Fact]
    public async Task GetAsync_ReadsBackCommittedData_AfterStoreIsReopened()
    {
        var state = Full("u-1");
        var contact = Contact("u-1", "dm-1", Group, At);
        Assert.True(await _store.CommitAsync(Channel, "m-1", [state], contact, None));
        await _store.DisposeAsync();

        var reopened = await _database.OpenAsync();

        AssertSame(state, await reopened.GetAsync(state.Key, None));
        Assert.Equal(contact, await reopened.GetContactAsync(contact.ResidentId, None));
        Assert.True(await reopened.WasHandledAsync(Channel, "m-1", None));
        Assert.False(await reopened.CommitAsync(Channel, "m-1", [Pending("u-2")], null, None));
    }

    [Fact]
    public async Task CommitAsync_ReturnsFalseAndSavesNothing_WhenMessageIdWasCommittedBefore()
    {
        var first = Pending("u-1");
        Assert.True(await _store.CommitAsync(Channel, "m-1", [first], Contact("u-1", null, Group, At), None));

        var again = await _store.CommitAsync(
            Channel, "m-1", [first with { Mode = DialogueMode.Form }, Pending("u-2")], Contact("u-1", "dm-1", "grp-2", At.AddMinutes(1)), None);

        Assert.False(again);
        AssertSame(first, await _store.GetAsync(first.Key, None));
        Assert.Null(await _store.GetAsync(Key("u-2"), None));
        Assert.Equal(Contact("u-1", null, Group, At), await _store.GetContactAsync("r-u-1", None));
    }

    [Fact]
    public async Task CommitAsync_AcceptsSameMessageId_OnAnotherChannel()
    {
        Assert.True(await _store.CommitAsync(Channel, "m-1", [], null, None));

        Assert.True(await _store.CommitAsync("wechat", "m-1", [], null, None));
        Assert.True(await _store.WasHandledAsync("wechat", "m-1", None));
        Assert.False(await _store.WasHandledAsync("other", "m-1", None));
    }

    [Fact]
    public async Task CommitAsync_DeletesStoredState_WhenItBecomesIdleWithNothingPending()
    {
        var pending = Pending("u-1");
        await _store.CommitAsync(Channel, "m-1", [pending], null, None);

        await _store.CommitAsync(Channel, "m-2", [DialogueState.Start(pending.Key, pending.SenderName, At.AddMinutes(1))], null, None);

        Assert.Null(await _store.GetAsync(pending.Key, None));
    }

    [Fact]
    public async Task CommitAsync_KeepsIdleState_WhenItCarriesAGrid()
    {
        var idle = DialogueState.Start(Key("u-1", "dm-1"), "居民", At) with { GridNodeId = "g-a1", OriginConversationId = Group };

        await _store.CommitAsync(Channel, "m-1", [idle], null, None);

        AssertSame(idle, await _store.GetAsync(idle.Key, None));
    }

    [Fact]
    public async Task GetContactAsync_KeepsKnownConversations_WhenLaterContactLacksThem()
    {
        await _store.CommitAsync(Channel, "m-1", [], Contact("u-1", "dm-1", null, At), None);
        var later = Contact("u-1", null, Group, At.AddMinutes(5)) with { SenderName = "张阿姨" };

        await _store.CommitAsync(Channel, "m-2", [], later, None);

        Assert.Equal(later with { PrivateConversationId = "dm-1" }, await _store.GetContactAsync("r-u-1", None));
        Assert.Null(await _store.GetContactAsync("r-nobody", None));
    }

    [Fact]
    public async Task ListExpiredAsync_ReturnsDueStatesSoonestFirst_UpToLimit()
    {
        var states = new[] { 7, 3, 12, 5, 1 }
            .Select(minutes => Pending("u-" + minutes) with { ExpiresAt = At.AddMinutes(minutes) })
            .Append(Pending("u-none") with { ChoiceEntryIds = [], ExpiresAt = null, Mode = DialogueMode.WithHuman, TicketNumber = "T-1" })
            .ToArray();
        await _store.SaveAsync(states, None);

        var expired = await _store.ListExpiredAsync(At.AddMinutes(7), 3, None);
        var all = await _store.ListExpiredAsync(At.AddMinutes(7), 100, None);

        Assert.Equal(["u-1", "u-3", "u-5"], expired.Select(s => s.Key.SenderId));
        Assert.Equal(["u-1", "u-3", "u-5", "u-7"], all.Select(s => s.Key.SenderId));
    }

    [Fact]
    public async Task FindByTicketAsync_ReturnsOnlyDialoguesHoldingThatTicket()
    {
        var inGroup = Pending("u-1") with { Mode = DialogueMode.AwaitingHuman, TicketNumber = "T-1" };
        var inPrivate = Pending("u-1", "dm-1") with { Mode = DialogueMode.WithHuman, TicketNumber = "T-1", UpdatedAt = At.AddMinutes(1) };
        await _store.SaveAsync([inPrivate, inGroup, Pending("u-2") with { TicketNumber = "T-2" }, Pending("u-3")], None);

        var found = await _store.FindByTicketAsync("T-1", None);

        Assert.Equal([inGroup.Key, inPrivate.Key], found.Select(s => s.Key));
        Assert.Empty(await _store.FindByTicketAsync("T-9", None));
    }

    [Fact]
    public async Task ListInConversationAsync_ReturnsThatModeInThatConversation_OldestUpdateFirst()
    {
        await _store.SaveAsync(
            [
                Pending("u-late", mode: DialogueMode.WithHuman) with { UpdatedAt = At.AddMinutes(2) },
                Pending("u-early", mode: DialogueMode.WithHuman) with { UpdatedAt = At.AddMinutes(1) },
                Pending("u-form", mode: DialogueMode.Form),
                Pending("u-other", "grp-2", DialogueMode.WithHuman),
            ],
            None);

        var withHuman = await _store.ListInConversationAsync(Channel, Group, DialogueMode.WithHuman, None);

        Assert.Equal(["u-early", "u-late"], withHuman.Select(s => s.Key.SenderId));
        Assert.Empty(await _store.ListInConversationAsync("wechat", Group, DialogueMode.WithHuman, None));
    }

    [Fact]
    public async Task SaveAsync_ReplacesStoredState_WhenKeyExists()
    {
        var state = Pending("u-1");
        await _store.CommitAsync(Channel, "m-1", [state], null, None);
        var changed = Full("u-1") with { ChoiceEntryIds = [], ExpiresAt = null };

        await _store.SaveAsync([changed], None);

        AssertSame(changed, await _store.GetAsync(state.Key, None));
        Assert.Empty(await _store.ListExpiredAsync(At.AddDays(1), 10, None));
    }

    [Fact]
    public async Task PruneHandledMessagesAsync_ForgetsOnlyIdsHandledBeforeCutoff()
    {
        const int Old = 2500;
        await Task.WhenAll(Enumerable.Range(0, Old).Select(i => _store.CommitAsync(Channel, "old-" + i, [], null, None)));
        _database.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await _store.CommitAsync(Channel, "new", [], null, None));

        var pruned = await _store.PruneHandledMessagesAsync(_database.Clock.GetUtcNow().AddDays(-1), None);

        Assert.Equal(Old, pruned);
        Assert.False(await _store.WasHandledAsync(Channel, "old-0", None));
        Assert.True(await _store.WasHandledAsync(Channel, "new", None));
        Assert.True(await _store.CommitAsync(Channel, "old-0", [], null, None));
    }
}
