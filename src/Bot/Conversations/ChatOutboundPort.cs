using CitizenBot.Bot.Channels;
using CitizenBot.Bot.Dialogue.Storage;

namespace CitizenBot.Bot.Conversations;

/// <summary>
/// The outbound port for residents who wrote through a chat channel: a notice (a grid worker's reply from the
/// console) goes to the resident's private thread on their channel. Residents the bot has never talked to (tickets
/// filed straight through the ticket API) keep their notices in the resident outbox.
/// </summary>
internal sealed class ChatOutboundPort(IDialogueStore store, ChatDelivery delivery, ResidentOutbox outbox) : IOutboundPort
{
    public async ValueTask SendAsync(OutboundNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (await store.GetContactAsync(notice.ChannelUserId, cancellationToken) is not { } contact)
        {
            await outbox.SendAsync(notice, cancellationToken);
            return;
        }

        var thread = contact.PrivateConversationId ?? PrivateThreads.IdOf(contact.SenderId);
        await delivery.PushAsync(contact.Channel, contact.SenderId, new BotReply(thread, ConversationType.Private, notice.Text, [], [], null, notice.TicketNumber), cancellationToken);
    }
}
