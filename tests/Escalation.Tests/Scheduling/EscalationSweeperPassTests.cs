using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;

namespace CitizenBot.Escalation.Tests.Scheduling;

/// <summary>A sweep pass reads its due tickets together and queues their saves together; one bad ticket still fails alone.</summary>
public sealed class EscalationSweeperPassTests
{
    [Fact]
    public async Task SweepOnceAsync_HandlesTheOthers_WhenOneDueTicketCannotBeRead()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var store = await harness.OpenStoreAsync();
        var desk = harness.Desk(store);
        var tickets = new List<Ticket>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add(await desk.SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None));
        }

        var broken = tickets[2].Number;
        await using (var connection = new TicketConnectionFactory(store.DatabasePath).Open())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE tickets SET snapshot = '{not json' WHERE number = $number";
            command.Parameters.AddWithValue("$number", broken.ToString());
            await command.ExecuteNonQueryAsync();
        }

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var handled = await harness.Sweeper(store).SweepOnceAsync(CancellationToken.None);

        Assert.Equal(4, handled);
        var due = await store.ListDueAsync(harness.Clock.GetUtcNow(), 10, CancellationToken.None);
        Assert.Equal(broken, Assert.Single(due).Number);
        foreach (var ticket in tickets.Where(t => t.Number != broken))
        {
            Assert.Contains((await store.GetAsync(ticket.Number, CancellationToken.None))!.Events, e => e.Type == TicketEventType.Warned);
        }
    }

    [Fact]
    public async Task GetManyAsync_ReturnsTheStoredOnes_WhenSomeNumbersAreUnknown()
    {
        await using var harness = await EscalationHarness.CreateDrillAsync();
        var store = await harness.OpenStoreAsync();
        var desk = harness.Desk(store);
        var first = await desk.SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None);
        var second = await desk.SubmitAsync(EscalationHarness.Complaint(), CancellationToken.None);
        var unknown = TicketNumber.Create(second.Number.BeijingDate, 99);

        var loaded = await store.GetManyAsync([first.Number, unknown, second.Number], CancellationToken.None);

        Assert.Equal([first.Number, second.Number], loaded.Keys.OrderBy(n => n.Sequence));
        Assert.Equal(second.Events.Count, loaded[second.Number].Events.Count);
    }
}
