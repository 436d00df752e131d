using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Notifications;

/// <summary>
/// Tells the people of a ticket's holding unit when it needs them: a new ticket in their grid, an escalation or
/// second whistle that brought it to them, and the supervision trail (预警, 催办, 通报, 督办). Listens to the change feed,
/// so it adds nothing to the write path.
/// </summary>
internal sealed class HolderNotificationService(
    TicketChangeFeed changes,
    EscalationModule escalation,
    IStaffNotifier notifier,
    ILogger<HolderNotificationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in changes.SubscribeAsync(stoppingToken))
            {
                if (Describe(change) is not { } text || change.HolderNodeId is not { } holder)
                {
                    continue;
                }

                foreach (var person in escalation.OrgTree.PeopleAt(holder).Where(p => p.Role != OrgRole.Admin))
                {
                    try
                    {
                        await notifier.NotifyAsync(new StaffNotice(person.Id, change.Number.ToString(), change.Event, text, change.At), stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One failed delivery must not silence the others; the ticket history keeps the event.
                        Log.StaffNoticeFailed(logger, ex, person.Id, change.Number.ToString());
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static string? Describe(TicketChange change)
    {
        var number = change.Number.ToString();
        var level = change.Level is { } l ? LevelLadder.ChineseName(l) : "";
        return change.Event switch
        {
            TicketEventType.Assigned => $"新工单 {number} 已派至本网格，请及时受理。",
            TicketEventType.Escalated => $"工单 {number} 因下级超时未办，已升级至{level}级，请及时受理。",
            TicketEventType.SecondWhistle => $"工单 {number} 居民评价不满意，二次吹哨至{level}级，请重新办理。",
            TicketEventType.Warned => $"预警：工单 {number} 即将超过时限，请抓紧办理。",
            TicketEventType.Urged => $"催办：工单 {number} 已超过时限，请立即办理。",
            TicketEventType.Reported => $"通报：工单 {number} 超时未办，已予通报。",
            TicketEventType.Supervised => $"督办：工单 {number} 已列入区级督办。",
            _ => null,
        };
    }
}
