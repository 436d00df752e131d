using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

public sealed class TicketStoreTests : IAsyncLifetime
{
    private readonly TicketDatabase _database = new();
    private TicketStore _store = null!;

    public async Task InitializeAsync() => _store = await _database.OpenAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task GetAsync_ReturnsEqualTicket_WhenInserted()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Resolved).AtLevel(OrgLevel.District);
        var ticket = builder.Build();
        ticket.Rate(Rating.Dissatisfied, builder.Tick());

        await _store.InsertAsync(ticket, builder.Tick(), "accept", CancellationToken.None);
        var stored = await _store.GetAsync(ticket.Number, CancellationToken.None);

        Assert.NotNull(stored);
        StoredTickets.AssertSame(ticket, stored);
    }

    [Fact]
    public async Task GetAsync_ReturnsNull_WhenNumberUnknown()
    {
        Assert.Null(await _store.GetAsync(TicketNumber.Create(StoredTickets.Day, 99), CancellationToken.None));
    }

    [Fact]
    public async Task InsertAsync_Throws_WhenNumberExists()
    {
        await _store.InsertAsync(StoredTickets.Submitted(1), null, null, CancellationToken.None);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(
            () => _store.InsertAsync(StoredTickets.Submitted(1), null, null, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_ThrowsAndChangesNothing_WhenExpectedVersionIsStale()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Assigned);
        var ticket = builder.Build();
        await _store.InsertAsync(ticket, TicketBuilder.SubmittedAt.AddHours(1), "accept", CancellationToken.None);
        var before = ticket.Version;
        ticket.Accept(TicketBuilder.Worker, builder.Tick());

        var error = await Assert.ThrowsAsync<TicketConcurrencyException>(
            () => _store.SaveAsync(ticket, before - 1, null, null, CancellationToken.None));

        Assert.Equal(ticket.Number, error.Number);
        var stored = await _store.GetAsync(ticket.Number, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(TicketStatus.Assigned, stored.Status);
        Assert.Equal(before, stored.Version);
        Assert.Equal(ticket.Events.Count - 1, stored.Events.Count);
        var due = Assert.Single(await _store.ListDueAsync(TicketBuilder.SubmittedAt.AddHours(2), 10, CancellationToken.None));
        Assert.Equal("accept", due.Kind);
    }

    [Fact]
    public async Task SaveAsync_Throws_WhenSecondWriterUsesSameVersion()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Assigned);
        await _store.InsertAsync(builder.Build(), null, null, CancellationToken.None);
        var first = (await _store.GetAsync(TicketNumber.Create(StoredTickets.Day, 7), CancellationToken.None))!;
        var second = (await _store.GetAsync(first.Number, CancellationToken.None))!;
        var loaded = first.Version;
        first.Accept(TicketBuilder.Worker, builder.Tick());
        second.AddNote(TicketBuilder.Worker, "现场查看", builder.Tick());

        await _store.SaveAsync(first, loaded, null, null, CancellationToken.None);

        await Assert.ThrowsAsync<TicketConcurrencyException>(() => _store.SaveAsync(second, loaded, null, null, CancellationToken.None));
        StoredTickets.AssertSame(first, (await _store.GetAsync(first.Number, CancellationToken.None))!);
    }

    [Fact]
    public async Task SaveAsync_AppendsOnlyNewEvents_WhenSavedRepeatedly()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.Assigned);
        var ticket = builder.Build();
        await _store.InsertAsync(ticket, null, null, CancellationToken.None);

        var version = ticket.Version;
        ticket.Accept(TicketBuilder.Worker, builder.Tick());
        await _store.SaveAsync(ticket, version, null, null, CancellationToken.None);
        version = ticket.Version;
        await _store.SaveAsync(ticket, version, null, null, CancellationToken.None);
        ticket.Start(TicketBuilder.Worker, builder.Tick());
        ticket.AddNote(TicketBuilder.Worker, "已联系物业", builder.Tick());
        await _store.SaveAsync(ticket, version, null, null, CancellationToken.None);

        var stored = await _store.GetAsync(ticket.Number, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(ticket.Events.Count, stored.Events.Count);
        Assert.Equal(ticket.Events.Select(e => e.Type), stored.Events.Select(e => e.Type));
        StoredTickets.AssertSame(ticket, stored);
    }

    [Fact]
    public async Task GetAsync_ReturnsSavedTicket_WhenFileReopened()
    {
        var builder = new TicketBuilder().InStatus(TicketStatus.InProgress).AtLevel(OrgLevel.Street);
        var ticket = builder.Build();
        await _store.InsertAsync(ticket, TicketBuilder.SubmittedAt.AddDays(1), "resolve", CancellationToken.None);
        var version = ticket.Version;
        ticket.DispatchToDepartment("w-s", "dept-lighting", "请路灯所处理", builder.Tick());
        await _store.SaveAsync(ticket, version, TicketBuilder.SubmittedAt.AddDays(2), "resolve", CancellationToken.None);
        var number = await _store.NextNumberAsync(StoredTickets.Day, CancellationToken.None);
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        _store = await _database.OpenAsync();

        StoredTickets.AssertSame(ticket, (await _store.GetAsync(ticket.Number, CancellationToken.None))!);
        var due = Assert.Single(await _store.ListDueAsync(TicketBuilder.SubmittedAt.AddDays(3), 10, CancellationToken.None));
        Assert.Equal(TicketBuilder.SubmittedAt.AddDays(2), due.DueAt);
        Assert.Equal(number.Sequence + 1, (await _store.NextNumberAsync(StoredTickets.Day, CancellationToken.None)).Sequence);
    }

    [Fact]
    public async Task InsertAsync_Throws_WhenDueTimeHasNoKind()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _store.InsertAsync(StoredTickets.Submitted(1), TicketBuilder.SubmittedAt, null, CancellationToken.None));
    }
}
