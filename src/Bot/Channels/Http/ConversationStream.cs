using System.Text.Json;
using CitizenBot.Bot.Conversations;
using CitizenBot.Escalation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Channels.Http;

/// <summary>
/// <c>GET /api/chat/conversations/{id}/events</c>: a conversation's messages as server-sent events (<c>event: message</c>
/// with a <see cref="ChatEvent"/>), the recent backlog first, with a comment line every <see cref="HeartbeatInterval"/>
/// so proxies keep the connection. A group of org.yaml, or a conversation the bot has spoken in, can be streamed;
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
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

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

        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stream = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stream.Token;
        var json = jsonOptions.Value.SerializerOptions;
        var messages = feed.SubscribeAsync(conversationId, cancellationToken).GetAsyncEnumerator(cancellationToken);
        using var heartbeat = new PeriodicTimer(HeartbeatInterval, timeProvider);
        var nextMessage = messages.MoveNextAsync().AsTask();
        var nextBeat = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
        try
        {
            await WriteAsync(response, ": connected\n\n", cancellationToken);
            while (true)
            {
                var done = await Task.WhenAny(nextMessage, nextBeat);
                if (done == nextBeat)
                {
                    if (!await nextBeat)
                    {
                        break;
                    }

                    await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
                    nextBeat = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
                    continue;
                }

                if (!await nextMessage)
                {
                    break;
                }

                var message = messages.Current;
                nextMessage = messages.MoveNextAsync().AsTask();
                await WriteAsync(response, $"id: {message.Id}\nevent: message\ndata: {JsonSerializer.Serialize(message, json)}\n\n", cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the normal end of a stream.
        }
        catch (IOException)
        {
            // The socket closed under a write before RequestAborted fired.
        }
        finally
        {
            await stream.CancelAsync();
            await Task.WhenAll(nextMessage, nextBeat).ContinueWith(static _ => { }, TaskScheduler.Default);
            await messages.DisposeAsync();
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
