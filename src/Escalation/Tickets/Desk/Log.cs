using CitizenBot.Escalation.Org;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Escalation.Tickets.Desk;

/// <summary>The ticket desk's log events. Ticket numbers and node ids only: never descriptions, names or phones.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Ticket {TicketNumber} submitted and assigned to grid {GridNodeId}")]
    public static partial void TicketSubmitted(ILogger logger, TicketNumber ticketNumber, string gridNodeId);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Debug, Message = "Ticket {TicketNumber} now {Status} at {Level}, version {Version}")]
    public static partial void TicketChanged(ILogger logger, TicketNumber ticketNumber, TicketStatus status, OrgLevel? level, int version);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Information, Message = "Ticket {TicketNumber} was changed by someone else while version {ExpectedVersion} was being saved; reloading once")]
    public static partial void RetryingAfterConflict(ILogger logger, TicketNumber ticketNumber, int expectedVersion);
}
