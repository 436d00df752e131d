using System.Text.Json;
using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Hosting;
using CitizenBot.Escalation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Channels.Http;

/// <summary>
/// <c>GET /api/chat/conversations/{id}/events</c>: a conversation's messages as server-sent events (<c>event: message</c>
/// with a <see cref="ChatEvent"/>), the recent backlog first, with heartbeats
/// (<see cref="ServerSentEvents"/>). A group of org.yaml, or a conversation the bot has spoken in, can be streamed;
/// anything else is a 404. A private thread is found only by its id, <c>dm-{senderId}</c>: channels give residents
/// ids nobody else can guess (the web chat a random one per tab).
/// </summary>
internal sealed class ConversationStream(
    ConversationFeed feed,
    EscalationModule escalation,
    IOptions<JsonOptions> jsonOptions,
    IHostApplicationLifetime lifetime,
    IProblemDetailsService problems,
    TimeProvider timeProvider)
{
    public async Task StreamAsync(HttpContext context, string conversationId)
    {
        if (escalation.OrgTree.FindGridByChatGroup(conversationId) is null && !feed.Knows(conversationId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status404NotFound, Title = "会话不存在", Detail = $"没有编号为 {conversationId} 的会话。" },
            });
            return;
        }

        var json = jsonOptions.Value.SerializerOptions;
        await ServerSentEvents.StreamAsync(
            context,
            cancellationToken => feed.SubscribeAsync(conversationId, cancellationToken),
            message => $"id: {message.Id}\nevent: message\ndata: {JsonSerializer.Serialize(message, json)}\n\n",
            lifetime,
            timeProvider);
    }
}
