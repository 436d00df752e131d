using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets;

public sealed class TicketChangeFeedTests
{
    private static TicketChange Change(int sequence) => new(
        TicketNumber.Create(new DateOnly(2026, 11, 21), sequence),
        TicketEventType.Escalated,
        TicketStatus.Assigned,
        CitizenBot.Escalation.Org.OrgLevel.Community,
        "c-a",
        "g-a1",
        3,
        new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Subscriber_ReceivesChangesPublishedAfterItSubscribed_InOrder()
    {
        var feed = new TicketChangeFeed();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<TicketChange>();
        var reading = Task.Run(async () =>
        {
            await foreach (var change in feed.SubscribeAsync(stop.Token))
            {
                received.Add(change);
                if (received.Count == 3)
                {
                    return;
                }
            }
        });

        // Publish until the subscription is live; the first sequences may precede it and be missed, by design.
        var sequence = 0;
        while (!reading.IsCompleted && !stop.IsCancellationRequested)
        {
            feed.Publish(Change(++sequence));
            await Task.Delay(10, stop.Token);
        }

        await reading;
        Assert.Equal(3, received.Count);
        Assert.True(received[0].Number.Sequence < received[1].Number.Sequence && received[1].Number.Sequence < received[2].Number.Sequence);
    }

    [Fact]
    public void Publish_NeverBlocks_WithoutSubscribersOrWithASlowOne()
    {
        var feed = new TicketChangeFeed();
        using var stop = new CancellationTokenSource();
        var slow = feed.SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        _ = slow.MoveNextAsync();

        for (var i = 1; i <= TicketChangeFeed.SubscriberCapacity * 3; i++)
        {
            feed.Publish(Change(i));
        }

        stop.Cancel();
    }
}
