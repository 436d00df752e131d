using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Flows;
using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Dialogue.Understanding;
using CitizenBot.Escalation;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// The one place the bot's behaviour lives: every channel hands it an <see cref="InboundMessage"/> and gets the
/// replies back. It reads the message, looks at where the sender's dialogue stands, and passes it to a flow (question,
/// complaint, progress, handoff, rating, small talk). The caller serializes messages per sender and stores the outcome.
/// </summary>
/// <remarks>
/// How each dialogue mode reacts (after emergencies, which are answered first in every mode, and 取消):
/// <code>
/// mode           | unaddressed in a group       | addressed / private
/// Idle           | silent                       | by intent: question, report, progress, human, small talk
/// Clarifying     | a pick (number or title)     | a pick, else as Idle
/// Form           | n/a (forms run in private)   | the next form answer
/// AwaitingHuman  | silent                       | in private: relayed to the ticket; in a group: as Idle
/// WithHuman      | silent                       | in private: relayed; in a group: as Idle
/// AwaitingRating | a rating                     | a rating, else as Idle
/// </code>
/// </remarks>
internal sealed class DialogueEngine(
    IDialogueStore store,
    DialogueForms forms,
    EscalationModule escalation,
    QuestionFlow questions,
    ComplaintFlow complaints,
    ProgressFlow progress,
    HandoffFlow handoffs,
    RatingFlow ratings,
    IOptions<ChatOptions> options,
    TimeProvider timeProvider)
{
    private readonly string[] _botNames = [options.Value.BotName];

    public async Task<DialogueOutcome> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = timeProvider.GetUtcNow();
        var key = new DialogueKey(message.Channel, message.ConversationId, message.SenderId);
        var text = MentionText.Strip(message.Text, _botNames, out var mentioned, out _);
        var addressed = message.ConversationType == ConversationType.Private || mentioned || message.Mentions.Contains(options.Value.BotName);

        var state = await store.GetAsync(key, cancellationToken) ?? DialogueState.Start(key, message.SenderName, now);
        var known = await store.GetContactAsync(ResidentIds.Of(message.Channel, message.SenderId), cancellationToken);
        var contact = Updated(known, message, now);
        var changedContact = known is not null && known == contact with { UpdatedAt = known.UpdatedAt } ? null : contact;

        // A group's grid is the group's; a private thread's is the one it was opened from, else the resident's group.
        var tree = escalation.OrgTree;
        var gridId = message.ConversationType == ConversationType.Group
            ? tree.FindGridByChatGroup(message.ConversationId)?.Id
            : state.GridNodeId ?? (contact.GroupConversationId is { } group ? tree.FindGridByChatGroup(group)?.Id : null);
        state = state with { SenderName = message.SenderName, GridNodeId = gridId, InGroup = message.ConversationType == ConversationType.Group };

        var turn = new Turn(message, text, addressed, forms.Reader.Read(text), state, now);
        var worker = tree.FindPersonBySender(message.SenderId);
        if (worker is not null && await handoffs.HandleWorkerAsync(turn, worker, cancellationToken))
        {
            return new DialogueOutcome(turn.Replies, [], changedContact);
        }

        if (!await RespondAsync(turn, cancellationToken))
        {
            return new DialogueOutcome([], [], changedContact);
        }

        turn.State = turn.State with { UpdatedAt = now };
        return new DialogueOutcome(turn.Replies, turn.ChangedStates, changedContact);
    }

    /// <summary>Runs the turn; false when the bot lets the message pass (group talk not meant for it).</summary>
    private async Task<bool> RespondAsync(Turn turn, CancellationToken cancellationToken)
    {
        var reading = turn.Reading;
        var mode = turn.State.Mode;
        if (!turn.Addressed && !IsAnswerToBot(turn))
        {
            return false;
        }

        if (reading.Emergency is { } emergency)
        {
            turn.Say(CannedReplies.Emergency(emergency));
            if (mode != DialogueMode.Form && reading.Intent == MessageIntent.Report)
            {
                await complaints.StartAsync(turn, cancellationToken);
            }

            return true;
        }

        var cancellable = mode is DialogueMode.Form or DialogueMode.Clarifying or DialogueMode.AwaitingRating
            || (mode == DialogueMode.AwaitingHuman && turn.State.TicketNumber is null);
        if (reading.Intent == MessageIntent.Cancel && cancellable)
        {
            turn.State = turn.State.Cleared();
            turn.Say(CannedReplies.Cancelled);
            return true;
        }

        switch (mode)
        {
            case DialogueMode.Form:
                await complaints.ContinueAsync(turn, cancellationToken);
                return true;
            case DialogueMode.Clarifying when await questions.TryPickAsync(turn, cancellationToken):
                return true;
            case DialogueMode.AwaitingRating when await ratings.TryRateAsync(turn, cancellationToken):
                return true;
            case DialogueMode.AwaitingHuman when turn.State.TicketNumber is null && reading.Intent is MessageIntent.Unknown or MessageIntent.Question:
                // The bot asked which community the resident lives in, to find their grid worker.
                await handoffs.RequestAsync(turn, cancellationToken);
                return true;
            case DialogueMode.AwaitingHuman or DialogueMode.WithHuman when !turn.InGroup && reading.Intent != MessageIntent.Human && await handoffs.TryRelayAsync(turn, cancellationToken):
                return true;
        }

        if (turn.State.Mode is DialogueMode.Clarifying or DialogueMode.AwaitingRating)
        {
            // Not an answer to the pending question: it lapses and the message is read afresh.
            turn.State = turn.State with { Mode = DialogueMode.Idle, ChoiceEntryIds = [], TicketNumber = null, ExpiresAt = null };
        }

        await RespondIdleAsync(turn, cancellationToken);
        return true;
    }

    private async Task RespondIdleAsync(Turn turn, CancellationToken cancellationToken)
    {
        switch (turn.Reading.Intent)
        {
            case MessageIntent.Report:
                await complaints.StartAsync(turn, cancellationToken);
                break;
            case MessageIntent.Progress:
                await progress.AnswerAsync(turn, cancellationToken);
                break;
            case MessageIntent.Human:
                await handoffs.RequestAsync(turn, cancellationToken);
                break;
            case MessageIntent.Greeting or MessageIntent.Thanks or MessageIntent.ChitChat:
                turn.Say(CannedReplies.For(turn.Reading.Intent, options.Value.BotName));
                break;
            case MessageIntent.Cancel or MessageIntent.Deny:
                turn.Say(CannedReplies.NothingToCancel);
                break;
            case MessageIntent.Confirm or MessageIntent.HandBack:
                turn.Say(CannedReplies.For(MessageIntent.ChitChat, options.Value.BotName));
                break;
            default:
                if (turn.Text.Length == 0 || turn.Reading.ChoiceNumber is not null)
                {
                    turn.Say(CannedReplies.Help);
                    break;
                }

                await questions.AnswerAsync(turn, cancellationToken);
                break;
        }
    }

    /// <summary>In a group, an unaddressed message still counts when it answers the bot's own pending question to this resident.</summary>
    private static bool IsAnswerToBot(Turn turn) => turn.State.Mode switch
    {
        DialogueMode.Clarifying => turn.Reading.ChoiceNumber is not null || turn.Reading.Intent == MessageIntent.Cancel,
        DialogueMode.AwaitingRating => turn.Reading.Rating is not null || turn.Reading.ChoiceNumber is not null,
        DialogueMode.Form => true,
        _ => false,
    };

    /// <summary>The sender's contact as this message leaves it: their latest name and the conversation they wrote in.</summary>
    private static ResidentContact Updated(ResidentContact? known, InboundMessage message, DateTimeOffset now)
    {
        var isPrivate = message.ConversationType == ConversationType.Private;
        return new ResidentContact(
            ResidentIds.Of(message.Channel, message.SenderId),
            message.Channel,
            message.SenderId,
            message.SenderName,
            isPrivate ? message.ConversationId : known?.PrivateConversationId,
            isPrivate ? known?.GroupConversationId : message.ConversationId,
            now);
    }
}
