using CitizenBot.Bot.Conversations;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CitizenBot.Bot.Channels.Http;

/// <summary>
/// The HTTP channel, <c>/api/chat</c>: messages in, immediate replies out, and each conversation's live stream. The
/// web chat uses it; so can any adapter that speaks JSON. It only translates: behaviour is the dialogue engine's.
/// </summary>
internal static class ChatEndpoints
{
    /// <summary>The largest request body accepted; a message is at most a few thousand characters.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chat").WithTags("Chat");
        api.MapPost("/messages", PostMessageAsync).WithName("PostChatMessage").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/conversations/{conversationId}/events", StreamEventsAsync).WithName("StreamConversationEvents")
            .Produces<ChatEvent>(StatusCodes.Status200OK, "text/event-stream").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/groups", ListGroups).WithName("ListChatGroups");
        return app;
    }

    /// <summary>Hands a message to the bot and returns its immediate replies.</summary>
    public static async Task<Results<Ok<ChatMessageResponse>, ProblemHttpResult>> PostMessageAsync(
        ChatMessageRequest request,
        ChatGateway gateway,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ConversationType? type = request.ConversationType switch
        {
            "group" => ConversationType.Group,
            "private" => ConversationType.Private,
            _ => null,
        };
        if (type is null)
        {
            return Invalid("conversationType 须为 group 或 private。");
        }

        var message = new InboundMessage(
            request.Channel?.Trim() ?? string.Empty,
            request.ConversationId?.Trim() ?? string.Empty,
            type.Value,
            request.SenderId?.Trim() ?? string.Empty,
            string.IsNullOrWhiteSpace(request.SenderName) ? "居民" : request.SenderName.Trim(),
            request.Text ?? string.Empty,
            request.Mentions?.Where(m => !string.IsNullOrWhiteSpace(m)).Take(20).ToArray() ?? [],
            request.MessageId?.Trim() ?? string.Empty,
            request.SentAt ?? timeProvider.GetUtcNow());
        if (gateway.Validate(message) is { } problem)
        {
            return Invalid(problem);
        }

        var receipt = await gateway.ReceiveAsync(message, cancellationToken);
        return TypedResults.Ok(new ChatMessageResponse(receipt.Duplicate, receipt.Replies));
    }

    /// <summary>The conversation's messages as server-sent events: the recent ones first, then live.</summary>
    public static Task StreamEventsAsync(string conversationId, HttpContext context, ConversationStream stream) =>
        stream.StreamAsync(context, conversationId);

    /// <summary>The residents' group chats of org.yaml.</summary>
    public static Ok<ChatGroupResponse[]> ListGroups(EscalationModule escalation)
    {
        var tree = escalation.OrgTree;
        return TypedResults.Ok(tree.Nodes
            .Where(n => n.Level == OrgLevel.Grid)
            .SelectMany(grid =>
            {
                // org.yaml validation gives every grid exactly one worker, and every worker a sender id.
                var worker = tree.GridWorkerOf(grid.Id);
                var member = new ChatMemberResponse(worker.SenderId!, worker.Name);
                return grid.ChatGroupIds.Select((id, i) =>
                    new ChatGroupResponse(id, $"{grid.Name}居民群{(i == 0 ? "" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}", grid.Id, grid.Name, member));
            })
            .ToArray());
    }

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "消息无法处理", detail: detail);
}
