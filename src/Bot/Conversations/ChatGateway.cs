using CitizenBot.Bot.Dialogue;
using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Messaging;
using CitizenBot.Escalation;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Conversations;

/// <summary>
/// Where every channel hands in a message: checks it, drops second deliveries, shows it on the conversation's
/// stream, runs the dialogue engine and stores the outcome with the message id before the replies go out, so a
/// redelivery after a crash is either recognized or handled from the state before it. Messages of one sender are
/// handled one at a time, in arrival order; different senders in parallel.
/// </summary>
internal sealed class ChatGateway(
    DialogueEngine engine,
    EscalationModule escalation,
    IDialogueStore store,
    ChatDelivery delivery,
    KeyedGate<string> residentGate,
    IOptions<ChatOptions> options,
    ILogger<ChatGateway> logger)
{
    public const int MaxIdLength = 128;
    public const int MaxNameLength = 64;

    /// <summary>Null when the message can be handled, else a Chinese sentence saying what is wrong with it.</summary>
    public string? Validate(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if ((BadId(message.Channel) ?? BadId(message.ConversationId) ?? BadId(message.SenderId) ?? BadId(message.MessageId)) is { } field)
        {
            return field;
        }

        // A group must be one of org.yaml's, so its grid is known; a private thread is the sender's own, so nobody can
        // write into another resident's thread.
        if (message.ConversationType == ConversationType.Group && escalation.OrgTree.FindGridByChatGroup(message.ConversationId) is null)
        {
            return $"未登记的群聊：{message.ConversationId}。群聊须在 org.yaml 的 chat-groups 中登记。";
        }

        if (message.ConversationType == ConversationType.Private && message.ConversationId != PrivateThreads.IdOf(message.SenderId))
        {
            return $"私聊会话编号须为 {PrivateThreads.IdOf(message.SenderId)}。";
        }

        if (message.SenderName.Length > MaxNameLength || message.SenderName.Any(char.IsControl))
        {
            return $"昵称不能超过 {MaxNameLength} 个字，也不能含控制字符。";
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return "消息内容不能为空。";
        }

        if (message.Text.Length > options.Value.MaxMessageLength)
        {
            return $"消息太长了（最多 {options.Value.MaxMessageLength} 个字），请简要描述。";
        }

        // Binary pasted into a chat (NULs, other control characters besides line breaks and tabs) is not a message.
        return message.Text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? "消息含有无法识别的字符。" : null;
    }

    /// <summary>Handles one message; see the class remarks. Throws <see cref="ArgumentException"/> when <see cref="Validate"/> refuses it.</summary>
    public async Task<ChatReceipt> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (Validate(message) is { } problem)
        {
            throw new ArgumentException(problem, nameof(message));
        }

        using var turnOfSender = await residentGate.EnterAsync(ResidentIds.Of(message.Channel, message.SenderId), cancellationToken);
        if (await store.WasHandledAsync(message.Channel, message.MessageId, cancellationToken))
        {
            Log.DuplicateMessage(logger, message.Channel, message.MessageId);
            return new ChatReceipt(true, []);
        }

        var outcome = await engine.HandleAsync(message, cancellationToken);
        if (!await store.CommitAsync(message.Channel, message.MessageId, outcome.States, outcome.Contact, cancellationToken))
        {
            // The same id from another sender (ids are per channel): the first one won.
            Log.DuplicateMessage(logger, message.Channel, message.MessageId);
            return new ChatReceipt(true, []);
        }

        delivery.Record(message);
        foreach (var reply in outcome.Replies)
        {
            delivery.Said(message.Channel, reply);
        }

        Log.MessageHandled(logger, message.Channel, message.ConversationId, message.MessageId, outcome.Replies.Count);
        return new ChatReceipt(false, outcome.Replies);
    }

    private static string? BadId(string value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl)
            ? $"channel、conversationId、senderId 和 messageId 都不能为空，且不超过 {MaxIdLength} 个字符。"
            : null;
}
