using System.Text.Json;
using CitizenBot.Bot.Auth;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Tickets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Tickets;

/// <summary>
/// <c>GET /api/tickets/events</c>: the ticket changes the caller may see, as server-sent events, so the workers'
/// console refreshes without polling. Each visible change is <c>event: ticket</c> with a
/// <see cref="TicketChangeMessage"/>; a comment line every <see cref="HeartbeatInterval"/> keeps proxies and the
/// browser from timing the connection out. The stream is a hint, not the record: a page that reconnects reloads its
/// queue from <c>GET /api/tickets</c>, because changes made while it was away are not replayed.
/// </summary>
internal static class TicketEventStream
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Streams until the client goes away or the host stops. Written by hand rather than with
    /// <c>TypedResults.ServerSentEvents</c>, which has no way to send the comment lines used as heartbeats.
    /// </summary>
    public static async Task StreamAsync(
        HttpContext context,
        StaffUser user,
        TicketChangeFeed feed,
        EscalationModule escalation,
        IOptions<JsonOptions> jsonOptions,
        IHostApplicationLifetime lifetime,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(typeof(TicketEventStream));
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        // Reverse proxies (nginx) buffer responses by default, which would hold events back until the buffer fills.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stream = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stream.Token;
        var tree = escalation.OrgTree;
        var json = jsonOptions.Value.SerializerOptions;
        var changes = feed.SubscribeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        using var heartbeat = new PeriodicTimer(HeartbeatInterval, timeProvider);

        // The first MoveNextAsync is what registers the subscription; the opening comment goes out after it, so a
        // client that has read the comment knows no later change can be missed.
        var nextChange = changes.MoveNextAsync().AsTask();
        var nextBeat = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
        Log.LiveStreamOpened(logger, user.PersonId);
        try
        {
            await WriteAsync(response, ": connected\n\n", cancellationToken);
            while (true)
            {
                var done = await Task.WhenAny(nextChange, nextBeat);
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

                if (!await nextChange)
                {
                    break;
                }

                var change = changes.Current;
                nextChange = changes.MoveNextAsync().AsTask();
                if (TicketAccess.CanSeeGrid(user, change.GridNodeId, tree))
                {
                    var data = JsonSerializer.Serialize(TicketChangeMessage.From(change), json);
                    await WriteAsync(response, $"event: ticket\ndata: {data}\n\n", cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the normal end of a stream.
        }
        catch (IOException)
        {
            // The socket closed under a write before RequestAborted fired; nothing is left to tell the client.
        }
        finally
        {
            // An async iterator cannot be disposed while a MoveNextAsync is pending: cancel it and let it finish first.
            await stream.CancelAsync();
            await Task.WhenAll(nextChange, nextBeat).ContinueWith(static _ => { }, TaskScheduler.Default);
            await changes.DisposeAsync();
            Log.LiveStreamClosed(logger, user.PersonId);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
