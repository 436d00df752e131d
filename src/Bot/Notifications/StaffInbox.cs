using System.Collections.Concurrent;

namespace CitizenBot.Bot.Notifications;

/// <summary>
/// The notifier while no staff channel is connected: each person's latest notices, read through
/// <c>GET /api/notices</c> (the console polls it). Bounded per person, oldest dropped; in memory, since every notice
/// repeats an event the ticket's stored history already holds.
/// </summary>
internal sealed class StaffInbox : IStaffNotifier
{
    public const int MaxPerPerson = 100;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<StaffNotice>> _notices = new(StringComparer.Ordinal);

    public ValueTask NotifyAsync(StaffNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var queue = _notices.GetOrAdd(notice.PersonId, _ => new ConcurrentQueue<StaffNotice>());
        queue.Enqueue(notice);
        while (queue.Count > MaxPerPerson && queue.TryDequeue(out _))
        {
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The person's notices, newest first.</summary>
    public IReadOnlyList<StaffNotice> For(string personId) =>
        _notices.TryGetValue(personId, out var queue) ? [.. queue.Reverse()] : [];
}
