namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// The recent window <c>(End − Length, End]</c> and the previous one <c>(End − 2·Length, End − Length]</c>.
/// </summary>
/// <param name="End">The end of the recent window: the newest message's time offline, the caller's choice online.</param>
/// <param name="Length">The length of each window.</param>
public sealed record MiningWindow(DateTimeOffset End, TimeSpan Length)
{
    public DateTimeOffset RecentStart => End - Length;

    public DateTimeOffset PreviousStart => End - Length - Length;

    /// <summary>The windows ending at the newest of <paramref name="messages"/>.</summary>
    /// <exception cref="ArgumentException">There are no messages.</exception>
    public static MiningWindow EndingAtNewest(IReadOnlyCollection<MinedMessage> messages, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        if (messages.Count == 0)
        {
            throw new ArgumentException("There are no messages to mine.", nameof(messages));
        }

        return new MiningWindow(messages.Max(m => m.At), TimeSpan.FromDays(days));
    }

    public MiningPeriod PeriodOf(DateTimeOffset at) =>
        at > End ? MiningPeriod.Outside
        : at > RecentStart ? MiningPeriod.Recent
        : at > PreviousStart ? MiningPeriod.Previous
        : MiningPeriod.Outside;
}
