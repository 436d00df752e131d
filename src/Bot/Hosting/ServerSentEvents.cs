using Microsoft.AspNetCore.Http.Features;

namespace CitizenBot.Bot.Hosting;

/// <summary>
/// Writes a live stream as server-sent events: the headers that keep proxies from buffering, an opening comment once
/// the source is subscribed, one frame per item, and a comment line every <see cref="HeartbeatInterval"/> so idle
/// connections are not timed out. Written by hand rather than with <c>TypedResults.ServerSentEvents</c>, which has no
/// way to send the comment lines used as heartbeats.
/// </summary>
internal static class ServerSentEvents
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Streams <paramref name="source"/> until the client goes away or the host stops. <paramref name="frame"/> turns
    /// an item into its frame (<c>event:</c>/<c>data:</c> lines and the blank line), or null to skip it.
    /// </summary>
    public static async Task StreamAsync<T>(
        HttpContext context,
        Func<CancellationToken, IAsyncEnumerable<T>> source,
        Func<T, string?> frame,
        IHostApplicationLifetime lifetime,
        TimeProvider timeProvider)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        // Reverse proxies (nginx) buffer responses by default, which would hold events back until the buffer fills.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stream = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stream.Token;
        var items = source(cancellationToken).GetAsyncEnumerator(cancellationToken);
        using var heartbeat = new PeriodicTimer(HeartbeatInterval, timeProvider);

        // The first MoveNextAsync is what subscribes; the opening comment goes out after it, so a client that has read
        // the comment knows nothing later can be missed.
        var nextItem = items.MoveNextAsync().AsTask();
        var nextBeat = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
        try
        {
            await WriteAsync(response, ": connected\n\n", cancellationToken);
            while (true)
            {
                var done = await Task.WhenAny(nextItem, nextBeat);
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

                if (!await nextItem)
                {
                    break;
                }

                var item = items.Current;
                nextItem = items.MoveNextAsync().AsTask();
                if (frame(item) is { } text)
                {
                    await WriteAsync(response, text, cancellationToken);
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
            await Task.WhenAll(nextItem, nextBeat).ContinueWith(static _ => { }, TaskScheduler.Default);
            await items.DisposeAsync();
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
