using CitizenBot.Escalation.Tickets.Storage;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

public sealed class TicketNumberSequenceTests : IAsyncLifetime
{
    private readonly TicketDatabase _database = new();
    private TicketStore _store = null!;

    public async Task InitializeAsync() => _store = await _database.OpenAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task NextNumberAsync_CountsFromOne_WhenDayIsNew()
    {
        var day = new DateOnly(2025, 3, 1);

        var first = await _store.NextNumberAsync(day, CancellationToken.None);
        var second = await _store.NextNumberAsync(day, CancellationToken.None);
        var nextDay = await _store.NextNumberAsync(day.AddDays(1), CancellationToken.None);
        var third = await _store.NextNumberAsync(day, CancellationToken.None);

        Assert.Equal("HQ-20250301-0001", first.ToString());
        Assert.Equal("HQ-20250301-0002", second.ToString());
        Assert.Equal("HQ-20250302-0001", nextDay.ToString());
        Assert.Equal("HQ-20250301-0003", third.ToString());
    }

    [Fact]
    public async Task NextNumberAsync_GivesUniqueNumbers_WhenCalledConcurrently()
    {
        var day = new DateOnly(2025, 3, 1);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _store.NextNumberAsync(day, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 50), numbers.Select(n => n.Sequence).Order());
    }
}
