using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Desk;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>
/// Runs the complaint form: started by a report, continued slot by slot, cancelled at any step, and filed as a ticket
/// on confirmation. In a group the form moves to the resident's private thread at once, since it asks for a door
/// number and a phone; the group hears only that it did.
/// </summary>
internal sealed class ComplaintFlow(
    DialogueForms forms,
    IDialogueStore store,
    EscalationModule escalation,
    SlaPolicy policy,
    IOptions<ChatOptions> options)
{
    /// <summary>Starts a form from the message that reported the problem.</summary>
    public async Task StartAsync(Turn turn, CancellationToken cancellationToken)
    {
        var form = forms.Complaint;
        var draft = form.Start(turn.Text, turn.State.GridNodeId);
        var question = form.Next(draft);
        draft = draft with { Asking = question.Slot, CategoryOptions = question.CategoryOptions };
        var expiresAt = turn.Now + options.Value.IdleTimeout;
        if (!turn.InGroup)
        {
            turn.State = turn.State with { Mode = DialogueMode.Form, Draft = draft, ExpiresAt = expiresAt };
            turn.Say(question.Text, question.Choices);
            return;
        }

        var topic = draft.CategoryItemId is { } id ? $"“{escalation.CategoryCatalog.GetItem(id).Name}”" : "的";
        turn.Say($"收到您反映{topic}问题。登记需要具体门牌和联系电话，为保护您的隐私，我们私聊继续，请查看与{options.Value.BotName}的私聊。");
        turn.State = turn.State with { Mode = DialogueMode.Idle, ChoiceEntryIds = [], ExpiresAt = null };

        var thread = await store.GetAsync(turn.PrivateKey, cancellationToken)
            ?? DialogueState.Start(turn.PrivateKey, turn.Message.SenderName, turn.Now);
        turn.Put(thread with
        {
            Mode = DialogueMode.Form,
            Draft = draft,
            GridNodeId = turn.State.GridNodeId,
            OriginConversationId = turn.Message.ConversationId,
            InGroup = false,
            SenderName = turn.Message.SenderName,
            UpdatedAt = turn.Now,
            ExpiresAt = expiresAt,
        });
        turn.SayPrivately($"您好，我们继续登记您在群里反映的问题。\n{question.Text}", question.Choices);
    }

    /// <summary>Takes the resident's next answer to the form.</summary>
    public async Task ContinueAsync(Turn turn, CancellationToken cancellationToken)
    {
        var form = forms.Complaint;
        var draft = turn.State.Draft ?? new ComplaintDraft { GridNodeId = turn.State.GridNodeId };
        if (draft.Asking == ComplaintSlot.Confirmation && IsYes(turn))
        {
            await SubmitAsync(turn, draft, cancellationToken);
            return;
        }

        var (updated, problem) = form.Apply(draft, turn.Text, turn.Reading);
        if (problem is not null)
        {
            turn.Say(problem);
            turn.State = turn.State with { ExpiresAt = turn.Now + options.Value.IdleTimeout };
            return;
        }

        if (draft.Asking == ComplaintSlot.Confirmation && updated == draft)
        {
            turn.Say(turn.Reading.Intent == Understanding.MessageIntent.Deny
                ? "请告诉我哪里需要修改，比如“不对，是5号楼”或“电话是13800000000”。"
                : "无误请回复“确认”提交；要修改直接说要改的内容；不想登记了请回复“取消”。");
            turn.State = turn.State with { ExpiresAt = turn.Now + options.Value.IdleTimeout };
            return;
        }

        var question = form.Next(updated);
        var repeat = question.Slot == draft.Asking && updated == draft && question.Slot != ComplaintSlot.Confirmation;
        turn.State = turn.State with
        {
            Draft = updated with { Asking = question.Slot, CategoryOptions = question.CategoryOptions },
            ExpiresAt = turn.Now + options.Value.IdleTimeout,
        };
        turn.Say(repeat ? $"没太明白，{question.Text}" : question.Text, question.Choices);
    }

    // At the confirmation a plain "好的" / "嗯" means yes; elsewhere the reader files those under small talk.
    private static bool IsYes(Turn turn) =>
        turn.Reading.Intent == Understanding.MessageIntent.Confirm
        || (turn.Reading.Intent == Understanding.MessageIntent.ChitChat && turn.Text.TrimEnd('。', '!', '！', '~', '～') is "好" or "好的" or "嗯" or "嗯嗯" or "好滴");

    private async Task SubmitAsync(Turn turn, ComplaintDraft draft, CancellationToken cancellationToken)
    {
        var form = forms.Complaint;
        var item = escalation.CategoryCatalog.GetItem(draft.CategoryItemId!);
        var grid = draft.GridNodeId!;

        // A resident who says it is urgent moves it up one grade (never past red): the grid worker sees why in the description.
        var grade = draft.Urgent == true && item.Grade > Escalation.Categories.UrgencyGrade.Red ? item.Grade - 1 : item.Grade;
        var description = draft.Urgent == true ? $"{draft.Description}（居民反映情况紧急）" : draft.Description!;
        var ticket = await escalation.TicketDesk.SubmitAsync(
            new NewTicket(
                item.Id,
                grade,
                description,
                new TicketLocation(grid, form.Address(draft)),
                new Reporter(turn.ResidentId, draft.Phone),
                string.IsNullOrEmpty(draft.PhotoUrl) ? [] : [draft.PhotoUrl]),
            cancellationToken);

        var tree = escalation.OrgTree;
        var worker = tree.GridWorkerOf(grid);
        var deadline = TicketDeadlines.Current(ticket, policy, escalation.Calendar);
        var number = ticket.Number.ToString();
        turn.Say(
            $"已为您登记，工单号：{number}。\n已派给{tree.FindNode(grid)?.Name}网格员{worker.Name}" +
            (deadline is { } due ? $"，将在{ChineseTime.Format(due.DueAt)}前受理" : string.Empty) +
            "。\n回复“我的诉求到哪了”可随时查询进度。",
            ticketNumber: number);
        if (turn.State.OriginConversationId is { } group && !turn.InGroup)
        {
            turn.SayIn(group, ConversationType.Group, $"@{turn.Message.SenderName} 您反映的问题已登记（工单号 {number}），网格员会尽快处理。", [turn.Message.SenderId], number);
        }

        turn.State = turn.State with { Mode = DialogueMode.Idle, Draft = null, ExpiresAt = null, OriginConversationId = null };
    }
}
