using System.Text.Json;
using CitizenBot.Bot.Auth;
using CitizenBot.Bot.Hosting;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Tickets;

/// <summary>
/// <c>GET /api/tickets/events</c>: the ticket changes the caller may see, as server-sent events, so the workers'
/// console refreshes without polling. Each visible change is <c>event: ticket</c> with a
/// <see cref="TicketChangeMessage"/>; heartbeats keep proxies and the browser from timing the connection out
/// (<see cref="ServerSentEvents"/>). The stream is a hint, not the record: a page that reconnects reloads its
/// queue from <c>GET /api/tickets</c>, because changes made while it was away are not replayed.
/// </summary>
internal static class TicketEventStream
{
    /// <summary>Streams until the client goes away or the host stops.</summary>
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
        var tree = escalation.OrgTree;
        var json = jsonOptions.Value.SerializerOptions;
        Log.LiveStreamOpened(logger, user.PersonId);
        try
        {
            await ServerSentEvents.StreamAsync(
                context,
                feed.SubscribeAsync,
                change => TicketAccess.CanSeeGrid(user, change.GridNodeId, tree)
                    ? $"event: ticket\ndata: {JsonSerializer.Serialize(TicketChangeMessage.From(change), json)}\n\n"
                    : null,
                lifetime,
                timeProvider);
        }
        finally
        {
            Log.LiveStreamClosed(logger, user.PersonId);
        }
    }
}
