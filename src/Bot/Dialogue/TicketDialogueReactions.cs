using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Flows;
using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Messaging;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// Keeps residents told as their tickets move, from the ticket change feed: a handoff taken, escalated for want of an
/// answer, or handed back; a complaint accepted, or resolved (then the bot asks for a rating and waits for it).
/// </summary>
internal sealed class TicketDialogueReactions(
    TicketChangeFeed changes,
    IDialogueStore store,
    EscalationModule escalation,
    SlaPolicy policy,
    ChatDelivery delivery,
    KeyedGate<string> residentGate,
    TimeProvider timeProvider,
    ILogger<TicketDialogueReactions> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in changes.SubscribeAsync(stoppingToken))
            {
                if (change.Event is not (TicketEventType.Accepted or TicketEventType.Escalated or TicketEventType.Resolved or TicketEventType.AutoClosed))
                {
                    continue;
                }

                try
                {
                    await ReactAsync(change, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One ticket's trouble must not stop the others' notices; the ticket itself is stored and correct.
                    Log.TicketReactionFailed(logger, ex, change.Number.ToString(), change.Event.ToString());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReactAsync(TicketChange change, CancellationToken cancellationToken)
    {
        var ticket = await escalation.TicketStore.GetAsync(change.Number, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        if (ticket.CategoryItemId == HandoffFlow.CategoryItemId)
        {
            foreach (var dialogue in await store.FindByTicketAsync(ticket.Number.ToString(), cancellationToken))
            {
                await ReactToHandoffAsync(dialogue.Key, ticket, change, cancellationToken);
            }

            return;
        }

        if (change.Event == TicketEventType.Resolved)
        {
            await AskForRatingAsync(ticket, cancellationToken);
        }
        else if (change.Event == TicketEventType.Accepted && await ContactOfAsync(ticket, cancellationToken) is { } contact)
        {
            var holder = TicketNames.HolderOf(ticket, escalation);
            await delivery.PushAsync(contact.Channel, contact.SenderId, Private(contact, $"您的工单 {ticket.Number} 已由{holder ?? "工作人员"}受理，正在处理。", [], ticket), cancellationToken);
        }
    }

    private async Task ReactToHandoffAsync(DialogueKey key, Ticket ticket, TicketChange change, CancellationToken cancellationToken)
    {
        using var turnOfResident = await residentGate.EnterAsync(ResidentIds.Of(key.Channel, key.SenderId), cancellationToken);
        var state = await store.GetAsync(key, cancellationToken);
        var number = ticket.Number.ToString();
        if (state is null || state.TicketNumber != number || state.Mode is not (DialogueMode.AwaitingHuman or DialogueMode.WithHuman))
        {
            return;
        }

        string text;
        var next = state;
        switch (change.Event)
        {
            case TicketEventType.Accepted when state.Mode == DialogueMode.AwaitingHuman:
                var taker = escalation.OrgTree.FindPerson(ticket.Events[^1].Actor)?.Name ?? "工作人员";
                text = $"{taker}已接手您的人工咨询（工单 {number}），请稍候回复。";
                next = state with { Mode = DialogueMode.WithHuman };
                break;
            case TicketEventType.Escalated when state.Mode == DialogueMode.AwaitingHuman:
                var holder = TicketNames.HolderOf(ticket, escalation);
                var due = TicketDeadlines.Current(ticket, policy, escalation.Calendar)?.DueAt;
                text = $"抱歉，网格员暂时没能回复您。已转给{holder ?? "上一级"}处理，" +
                    (due is { } at ? $"预计{ChineseTime.Format(at)}前会有人回复您。" : "会尽快有人回复您。");
                break;
            case TicketEventType.Resolved or TicketEventType.AutoClosed:
                text = $"工作人员已结束本次人工服务（工单 {number}）。之后有问题随时找我。";
                next = state with { Mode = DialogueMode.Idle, TicketNumber = null };
                break;
            default:
                return;
        }

        if (next != state)
        {
            await store.SaveAsync([next with { UpdatedAt = timeProvider.GetUtcNow() }], cancellationToken);
        }

        var type = state.InGroup ? ConversationType.Group : ConversationType.Private;
        var mentioned = state.InGroup ? $"@{state.SenderName} {text}" : text;
        await delivery.PushAsync(key.Channel, key.SenderId, new BotReply(key.ConversationId, type, mentioned, state.InGroup ? [key.SenderId] : [], [], null, number), cancellationToken);
    }

    private async Task AskForRatingAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        if (await ContactOfAsync(ticket, cancellationToken) is not { } contact)
        {
            return;
        }

        var thread = contact.PrivateConversationId ?? PrivateThreads.IdOf(contact.SenderId);
        var key = new DialogueKey(contact.Channel, thread, contact.SenderId);
        using (await residentGate.EnterAsync(contact.ResidentId, cancellationToken))
        {
            var now = timeProvider.GetUtcNow();
            var state = await store.GetAsync(key, cancellationToken) ?? DialogueState.Start(key, contact.SenderName, now);
            // A form in progress is not thrown away for a rating; the request still goes out and can be answered later.
            if (state.Mode is DialogueMode.Idle or DialogueMode.Clarifying or DialogueMode.AwaitingRating)
            {
                await store.SaveAsync([state with { Mode = DialogueMode.AwaitingRating, TicketNumber = ticket.Number.ToString(), ChoiceEntryIds = [], ExpiresAt = now + policy.AutoCloseAfter, UpdatedAt = now }], cancellationToken);
            }
        }

        var name = TicketNames.CategoryOf(ticket, escalation);
        var resolution = ticket.Events.LastOrDefault(e => e.Type == TicketEventType.Resolved)?.Note;
        var text = $"您的工单 {ticket.Number}【{name}】已办结{(string.IsNullOrWhiteSpace(resolution) ? "" : $"：{resolution}")}\n请您对处理结果进行评价：";
        await delivery.PushAsync(contact.Channel, contact.SenderId, Private(contact, text, RatingFlow.Choices, ticket), cancellationToken);
    }

    private Task<ResidentContact?> ContactOfAsync(Ticket ticket, CancellationToken cancellationToken) =>
        store.GetContactAsync(ticket.Reporter.ChannelUserId, cancellationToken);

    private static BotReply Private(ResidentContact contact, string text, IReadOnlyList<ReplyChoice> choices, Ticket ticket) =>
        new(contact.PrivateConversationId ?? PrivateThreads.IdOf(contact.SenderId), ConversationType.Private, text, [], choices, null, ticket.Number.ToString());
}
