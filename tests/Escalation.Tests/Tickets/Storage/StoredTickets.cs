using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets.Storage;

/// <summary>Small tickets with distinct numbers for store tests, and a full comparison of two tickets.</summary>
internal static class StoredTickets
{
    public static readonly DateOnly Day = new(2025, 3, 1);

    /// <summary>
    /// A submitted ticket numbered <paramref name="sequence"/> on <see cref="Day"/>, in <paramref name="grid"/>, reported by
    /// <paramref name="reporter"/> (by default <c>wx-</c> and the sequence).
    /// </summary>
    public static Ticket Submitted(int sequence, string? grid = TicketBuilder.GridId, int minutesAfter = 0, string? reporter = null) =>
        Ticket.Submit(
            TicketNumber.Create(Day, sequence),
            "lighting.stairwell",
            UrgencyGrade.Blue,
            "楼道灯不亮 " + sequence,
            new TicketLocation(grid, "红桥区某某里"),
            new Reporter(reporter ?? "wx-" + sequence, "13800000000"),
            [],
            TicketBuilder.SubmittedAt.AddMinutes(minutesAfter));

    /// <summary>Asserts every property of the two tickets, and every event field by field, is equal.</summary>
    public static void AssertSame(Ticket expected, Ticket actual)
    {
        var (e, a) = (expected.ToSnapshot(), actual.ToSnapshot());
        Assert.Equal(e with { Attachments = [], VisibleToNodeIds = [], Events = [] }, a with { Attachments = [], VisibleToNodeIds = [], Events = [] });
        Assert.Equal(e.Attachments, a.Attachments);
        Assert.Equal(e.VisibleToNodeIds.Order(StringComparer.Ordinal), a.VisibleToNodeIds.Order(StringComparer.Ordinal));
        Assert.Equal(expected.VisibleToNodeIds.Count, actual.VisibleToNodeIds.Count);
        Assert.Equal(e.Events.Count, a.Events.Count);
        for (var i = 0; i < e.Events.Count; i++)
        {
            var (x, y) = (e.Events[i], a.Events[i]);
            Assert.Equal(x with { Data = null }, y with { Data = null });
            Assert.Equal(x.At.Offset, y.At.Offset);
            Assert.Equal(x.Data?.OrderBy(p => p.Key, StringComparer.Ordinal), y.Data?.OrderBy(p => p.Key, StringComparer.Ordinal));
        }

        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Level, actual.Level);
        Assert.Equal(expected.HolderNodeId, actual.HolderNodeId);
        Assert.Equal(expected.Supervised, actual.Supervised);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Location, actual.Location);
        Assert.Equal(expected.Reporter, actual.Reporter);
        Assert.Equal(expected.SubmittedAt, actual.SubmittedAt);
        Assert.Equal(expected.ResolvedAt, actual.ResolvedAt);
        Assert.Equal(expected.ClosedAt, actual.ClosedAt);
        Assert.Equal(expected.LastTransitionAt, actual.LastTransitionAt);
    }
}
