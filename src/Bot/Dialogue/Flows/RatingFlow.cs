using CitizenBot.Bot.Conversations;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>
/// The resident's rating of a resolved ticket, asked for by <see cref="TicketDialogueReactions"/>: 满意 / 基本满意
/// close it, 不满意 reopens it one level up (二次哨).
/// </summary>
internal sealed class RatingFlow(EscalationModule escalation)
{
    public static readonly IReadOnlyList<ReplyChoice> Choices = [new("满意", "满意"), new("基本满意", "基本满意"), new("不满意", "不满意")];

    /// <summary>Takes the rating in the message; false (changing nothing) when it is not one.</summary>
    public async Task<bool> TryRateAsync(Turn turn, CancellationToken cancellationToken)
    {
        var rating = turn.Reading.Rating ?? turn.Reading.ChoiceNumber switch
        {
            1 => Rating.Satisfied,
            2 => Rating.FairlySatisfied,
            3 => Rating.Dissatisfied,
            _ => (Rating?)null,
        };
        if (rating is not { } given || turn.State.TicketNumber is not { } text || !TicketNumber.TryParse(text, out var number))
        {
            return false;
        }

        Ticket? ticket;
        try
        {
            ticket = await escalation.TicketDesk.ApplyAsync(number, t => t.Rate(given, turn.Now), cancellationToken);
        }
        catch (TicketTransitionException)
        {
            ticket = null;
        }

        turn.State = turn.State with { Mode = DialogueMode.Idle, TicketNumber = null, ExpiresAt = null };
        if (ticket is null)
        {
            turn.Say($"工单 {text} 已经结案，不能再评价了。如问题仍未解决，可以重新反映。", ticketNumber: text);
            return true;
        }

        if (given != Rating.Dissatisfied)
        {
            turn.Say("感谢您的评价！有问题随时找我。", ticketNumber: text);
            return true;
        }

        var holder = TicketNames.HolderOf(ticket, escalation);
        turn.Say($"很抱歉没能让您满意。工单 {text} 已重新派给{holder ?? "上一级"}再次处理（二次哨），处理后会再请您评价。", ticketNumber: text);
        return true;
    }
}
