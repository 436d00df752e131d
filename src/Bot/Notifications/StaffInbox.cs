using CitizenBot.Bot.Messaging;

namespace CitizenBot.Bot.Notifications;

/// <summary>
/// The notifier while no staff channel is connected: each person's latest notices, read through
/// <c>GET /api/notices</c>. Bounded per person, oldest dropped; in memory, since every notice repeats an event the
/// ticket's stored history already holds.
/// </summary>
internal sealed class StaffInbox : IStaffNotifier
{
    public const int MaxPerPerson = 100;

    private readonly KeyedMailbox<StaffNotice> _notices = new(MaxPerPerson);

    public ValueTask NotifyAsync(StaffNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _notices.Add(notice.PersonId, notice);
        return ValueTask.CompletedTask;
    }

    /// <summary>The person's notices, newest first.</summary>
    public IReadOnlyList<StaffNotice> For(string personId) => _notices.PeekNewestFirst(personId);
}
