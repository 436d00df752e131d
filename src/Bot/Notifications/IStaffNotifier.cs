namespace CitizenBot.Bot.Notifications;

/// <summary>
/// How staff are told that a ticket needs them: the port a staff channel (a WeCom application message, SMS) will
/// implement. The ticket history stays the record; a notice is the nudge.
/// </summary>
internal interface IStaffNotifier
{
    ValueTask NotifyAsync(StaffNotice notice, CancellationToken cancellationToken);
}
