using CitizenBot.Escalation;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>
/// "我的诉求到哪了": the resident's own tickets with status, holding level and deadline, newest first, or one ticket by
/// number, shown only to its reporter. In a group the answer goes to the private thread: a ticket says where someone lives.
/// </summary>
internal sealed class ProgressFlow(EscalationModule escalation, SlaPolicy policy)
{
    /// <summary>How many of a resident's tickets one answer lists.</summary>
    public const int MaxListed = 5;

    // A resident files a handful of tickets a year; this bounds the read for anyone who filed many.
    private const int MaxRead = 200;

    public async Task AnswerAsync(Turn turn, CancellationToken cancellationToken)
    {
        string text;
        if (turn.Reading.TicketNumber is { } wanted && TicketNumber.TryParse(wanted, out var number))
        {
            var ticket = await escalation.TicketStore.GetAsync(number, cancellationToken);
            text = ticket is not null && ticket.Reporter.ChannelUserId == turn.ResidentId
                ? Describe(ticket)
                : $"没有找到您名下的工单 {wanted}。请核对工单号，或回复“我的诉求到哪了”查看您的全部诉求。";
        }
        else
        {
            var tickets = await escalation.TicketStore.ListAsync(new TicketQuery { ReporterId = turn.ResidentId, Limit = MaxRead }, cancellationToken);
            var newest = tickets.Where(t => t.CategoryItemId != HandoffFlow.CategoryItemId).Reverse().Take(MaxListed).ToArray();
            text = newest.Length == 0
                ? "您还没有通过百事通登记过诉求。遇到问题可以直接说，比如“楼道灯坏了”。"
                : $"您最近的诉求：\n{string.Join("\n", newest.Select(Describe))}";
        }

        if (turn.InGroup)
        {
            turn.Say("诉求进度涉及您的住址等信息，已私聊发给您，请查看私聊。");
        }

        turn.SayPrivately(text);
    }

    private string Describe(Ticket ticket)
    {
        var name = TicketNames.CategoryOf(ticket, escalation);
        var holder = TicketNames.HolderOf(ticket, escalation);
        var status = ticket.Status switch
        {
            TicketStatus.Submitted or TicketStatus.Assigned => "待受理",
            TicketStatus.Accepted => "已受理",
            TicketStatus.InProgress => "处理中",
            TicketStatus.Resolved => "已办结，待您评价",
            _ => "已结案",
        };
        var line = $"· {ticket.Number}【{name}】{status}";
        if (ticket.Status is TicketStatus.Closed or TicketStatus.Resolved)
        {
            return line;
        }

        line += holder is null ? string.Empty : $"，由{holder}{(ticket.Supervised ? "（区平台督办）" : string.Empty)}办理";
        var deadline = TicketDeadlines.Current(ticket, policy, escalation.Calendar);
        return deadline switch
        {
            { Kind: TicketDeadlineKind.AcceptOverdue } due => $"{line}，应于{ChineseTime.Format(due.DueAt)}前受理",
            { Kind: TicketDeadlineKind.ResolveOverdue } due => $"{line}，应于{ChineseTime.Format(due.DueAt)}前办结",
            _ => line,
        };
    }
}
