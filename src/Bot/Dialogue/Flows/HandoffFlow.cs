using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Recording;
using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Dialogue.Understanding;
using CitizenBot.Bot.Messaging;
using CitizenBot.Bot.Notifications;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Desk;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>
/// 转人工: hands a resident to the grid worker of their grid. A handoff is a ticket of the 人工咨询 item, so it has
/// time limits and climbs the grid when nobody takes it, like any complaint. In a group the worker is a member: the
/// bot @-mentions them, the worker answers in the group, and the bot, recognizing the worker's sender id, marks the
/// handoff taken and stays out of it until the worker hands it back. In a private thread the worker answers from the
/// console and the bot relays the resident's messages to the ticket.
/// </summary>
internal sealed class HandoffFlow(
    IDialogueStore store,
    EscalationModule escalation,
    SlaPolicy policy,
    KeyedGate<string> residentGate,
    IStaffNotifier notifier,
    QuestionRecorder recorder,
    IOptions<ChatOptions> options)
{
    /// <summary>The category item handoff tickets are filed under (categories.yaml).</summary>
    public const string CategoryItemId = "service.human-handoff";

    private const int MaxRelayedLength = 500;

    /// <summary>The resident asked for a person (or accepted the bot's offer of one).</summary>
    public async Task RequestAsync(Turn turn, CancellationToken cancellationToken)
    {
        recorder.HandoffRequested(turn);
        var state = turn.State;
        if (state.TicketNumber is { } pending && state.Mode is DialogueMode.AwaitingHuman or DialogueMode.WithHuman)
        {
            turn.Say($"已经在为您联系网格员了（工单 {pending}），请稍候，网格员会尽快回复您。", ticketNumber: pending);
            return;
        }

        var gridId = state.GridNodeId;
        if (gridId is null && state.Mode == DialogueMode.AwaitingHuman)
        {
            gridId = escalation.GridLocator.Locate(turn.Text)?.Id;
        }

        if (gridId is null)
        {
            turn.Say(state.Mode == DialogueMode.AwaitingHuman
                ? "没有找到这个社区，请说社区的全称，比如“子牙社区”。"
                : "请问您住在哪个社区？我好帮您找到网格员。（如“子牙社区”）");
            turn.State = state with { Mode = DialogueMode.AwaitingHuman, TicketNumber = null, ExpiresAt = turn.Now + options.Value.IdleTimeout };
            return;
        }

        var tree = escalation.OrgTree;
        var grid = tree.FindNode(gridId)!;
        var worker = tree.GridWorkerOf(gridId);
        var summary = state.LastQuestion ?? (turn.Reading.Intent == MessageIntent.Human ? null : turn.Text);
        var ticket = await escalation.TicketDesk.SubmitAsync(
            new NewTicket(
                CategoryItemId,
                UrgencyGrade.Red,
                $"居民“{turn.Message.SenderName}”请求人工服务。{(summary is null ? "未说明具体问题。" : $"问题：{summary}")}",
                new TicketLocation(gridId, grid.Name),
                new Reporter(turn.ResidentId, null),
                []),
            cancellationToken);
        var number = ticket.Number.ToString();
        var due = TicketDeadlines.Current(ticket, policy, escalation.Calendar)?.DueAt;
        var by = due is { } at ? $"一般会在{ChineseTime.Format(at)}前" : "会尽快";
        if (turn.InGroup && worker.SenderId is { } workerSender)
        {
            turn.SayMentioning(
                $"@{worker.Name} 居民@{turn.Message.SenderName} 请求人工服务（工单 {number}）{(summary is null ? "。" : $"：“{summary}”")}\n" +
                $"@{turn.Message.SenderName} 已为您呼叫网格员{worker.Name}，{by}在群里回复您。",
                [workerSender, turn.Message.SenderId],
                number);
        }
        else
        {
            turn.Say($"已为您转接{grid.Name}网格员{worker.Name}（工单 {number}），网格员{by}在这里回复您。您可以先把情况说清楚，我会转达。", ticketNumber: number);
        }

        turn.State = state with { Mode = DialogueMode.AwaitingHuman, TicketNumber = number, AbstainStreak = 0, ExpiresAt = null };
    }

    /// <summary>
    /// A resident's message in a private thread while a person has (or is about to take) it: added to the handoff
    /// ticket and the holder's people told. Returns false when the handoff is over, so the bot answers instead.
    /// </summary>
    public async Task<bool> TryRelayAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.State.TicketNumber is not { } text || !TicketNumber.TryParse(text, out var number))
        {
            return false;
        }

        var message = turn.Text.Length <= MaxRelayedLength ? turn.Text : turn.Text[..MaxRelayedLength];
        Ticket? ticket;
        try
        {
            ticket = await escalation.TicketDesk.ApplyAsync(number, t => t.AddNote(TicketActors.Resident, $"居民留言：{message}", turn.Now), cancellationToken);
        }
        catch (TicketTransitionException)
        {
            ticket = null;
        }

        if (ticket is null || ticket.Status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            turn.State = turn.State with { Mode = DialogueMode.Idle, TicketNumber = null };
            return false;
        }

        foreach (var person in ticket.HolderNodeId is { } holder ? escalation.OrgTree.PeopleAt(holder) : [])
        {
            if (person.Role != OrgRole.Admin)
            {
                await notifier.NotifyAsync(new StaffNotice(person.Id, text, TicketEventType.NoteAdded, $"居民在人工咨询 {text} 中留言", turn.Now), cancellationToken);
            }
        }

        if (turn.State.Mode == DialogueMode.AwaitingHuman)
        {
            turn.Say("已转达网格员，请稍候。", ticketNumber: text);
        }

        return true;
    }

    /// <summary>
    /// A grid worker wrote in a group. Answering there takes the oldest waiting handoff (or the one whose resident they
    /// @-mention); "交还百事通" hands every taken one back. Returns false when the message is for the bot itself.
    /// </summary>
    public async Task<bool> HandleWorkerAsync(Turn turn, OrgPerson worker, CancellationToken cancellationToken)
    {
        if (!turn.InGroup)
        {
            return false;
        }

        var channel = turn.Message.Channel;
        var conversation = turn.Message.ConversationId;
        if (turn.Reading.Intent == MessageIntent.HandBack)
        {
            var handedBack = new List<DialogueState>();
            foreach (var mode in (DialogueMode[])[DialogueMode.WithHuman, DialogueMode.AwaitingHuman])
            {
                foreach (var waiting in await store.ListInConversationAsync(channel, conversation, mode, cancellationToken))
                {
                    if (await UpdateAsync(waiting.Key, mode, t => HandBack(t, worker.Id, turn.Now), s => s with { Mode = DialogueMode.Idle, TicketNumber = null }, cancellationToken) is { } done)
                    {
                        handedBack.Add(done);
                    }
                }
            }

            if (handedBack.Count > 0)
            {
                turn.SayMentioning(
                    $"{string.Join(" ", handedBack.Select(s => $"@{s.SenderName}"))} 网格员{worker.Name}已为您解答。之后有问题随时@{options.Value.BotName}。",
                    [.. handedBack.Select(s => s.Key.SenderId)]);
            }

            return true;
        }

        if (turn.Addressed)
        {
            return false;
        }

        var pending = await store.ListInConversationAsync(channel, conversation, DialogueMode.AwaitingHuman, cancellationToken);
        var withTicket = pending.Where(s => s.TicketNumber is not null).ToArray();
        if (withTicket.Length == 0)
        {
            return true;
        }

        var mentioned = withTicket.Where(s => turn.Message.Mentions.Contains(s.Key.SenderId) || turn.Message.Text.Contains($"@{s.SenderName}", StringComparison.Ordinal)).ToArray();
        foreach (var target in mentioned.Length > 0 ? mentioned : withTicket[..1])
        {
            await UpdateAsync(target.Key, DialogueMode.AwaitingHuman, t => TakeOver(t, worker.Id, turn.Now), s => s with { Mode = DialogueMode.WithHuman }, cancellationToken);
        }

        return true;
    }

    private static void TakeOver(Ticket ticket, string workerId, DateTimeOffset at)
    {
        if (ticket.Status == TicketStatus.Assigned)
        {
            ticket.Accept(workerId, at);
        }
    }

    private static void HandBack(Ticket ticket, string workerId, DateTimeOffset at)
    {
        TakeOver(ticket, workerId, at);
        if (ticket.Status is TicketStatus.Accepted or TicketStatus.InProgress)
        {
            ticket.Resolve(workerId, "网格员已在群里答复，交还百事通。", at);
        }
    }

    /// <summary>
    /// Under the resident's gate: re-reads their dialogue and, if it is still in <paramref name="expected"/>, applies
    /// <paramref name="command"/> to its handoff ticket and stores the changed state. Null when nothing was changed.
    /// </summary>
    private async Task<DialogueState?> UpdateAsync(DialogueKey key, DialogueMode expected, Action<Ticket> command, Func<DialogueState, DialogueState> change, CancellationToken cancellationToken)
    {
        using var turnOfResident = await residentGate.EnterAsync(ResidentIds.Of(key.Channel, key.SenderId), cancellationToken);
        var state = await store.GetAsync(key, cancellationToken);
        if (state is null || state.Mode != expected || state.TicketNumber is not { } text || !TicketNumber.TryParse(text, out var number))
        {
            return null;
        }

        try
        {
            await escalation.TicketDesk.ApplyAsync(number, command, cancellationToken);
        }
        catch (TicketTransitionException)
        {
            // Someone already moved the ticket on from the console; the dialogue follows anyway.
        }

        var changed = change(state);
        await store.SaveAsync([changed], cancellationToken);
        return changed;
    }
}
