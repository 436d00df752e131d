using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Escalation;

/// <summary>
/// The escalation module's log events, one class for the module: start-up (2000), sweeper (2100), desk (2120), ticket store (2140).
/// Ticket numbers and node ids only: never descriptions, names or phones.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Escalation content loaded from {ContentDirectory}: {NodeCount} org nodes, {ItemCount} category items; tickets in {DatabasePath}")]
    public static partial void ModuleInitialized(ILogger logger, string contentDirectory, int nodeCount, int itemCount, string databasePath);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "calendar.yaml has no holiday arrangement for {Year}: working-day deadlines that year count Monday to Friday only. Add the year's official arrangement (holidays and 调休 days) once the State Council publishes it")]
    public static partial void CalendarYearMissing(ILogger logger, int year);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Escalation sweeper started, sweeping every {Period}")]
    public static partial void SweeperStarted(ILogger logger, TimeSpan period);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Escalation sweeper stopped")]
    public static partial void SweeperStopped(ILogger logger);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Escalation sweep failed; retrying next tick")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Ticket {TicketNumber}: {Kind} due at {DueAt} handled at {Level}")]
    public static partial void DeadlineHandled(ILogger logger, TicketNumber ticketNumber, TicketDeadlineKind kind, DateTimeOffset dueAt, OrgLevel? level);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "Ticket {TicketNumber}: stored deadline {StoredKind} at {StoredDueAt} was stale; saved the recomputed one")]
    public static partial void StaleDeadlineRefreshed(ILogger logger, TicketNumber ticketNumber, string storedKind, DateTimeOffset storedDueAt);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug, Message = "Ticket {TicketNumber} was changed by someone else first; skipped until the next read")]
    public static partial void TicketChangedConcurrently(ILogger logger, TicketNumber ticketNumber);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Error, Message = "Ticket {TicketNumber}: handling its {StoredKind} deadline failed; it stays due")]
    public static partial void TicketFailed(ILogger logger, Exception exception, TicketNumber ticketNumber, string storedKind);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Ticket {TicketNumber} is listed as due but could not be loaded")]
    public static partial void DueTicketMissing(ILogger logger, TicketNumber ticketNumber);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "Escalation sweep stopped at its cap of {Cap} tickets; the rest waits for the next tick")]
    public static partial void SweepCapReached(ILogger logger, int cap);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Warning, Message = "Reading the {TicketCount} due tickets of a sweep pass together failed; reading them one by one")]
    public static partial void PassReadFailed(ILogger logger, Exception exception, int ticketCount);

    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Ticket {TicketNumber} submitted and assigned to grid {GridNodeId}")]
    public static partial void TicketSubmitted(ILogger logger, TicketNumber ticketNumber, string gridNodeId);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Debug, Message = "Ticket {TicketNumber} now {Status} at {Level}, version {Version}")]
    public static partial void TicketChanged(ILogger logger, TicketNumber ticketNumber, TicketStatus status, OrgLevel? level, int version);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Information, Message = "Ticket {TicketNumber} was changed by someone else while version {ExpectedVersion} was being saved; reloading once")]
    public static partial void RetryingAfterConflict(ILogger logger, TicketNumber ticketNumber, int expectedVersion);

    [LoggerMessage(EventId = 2140, Level = LogLevel.Error, Message = "A ticket write group of {WriteCount} writes failed to commit; every write in it failed and none is stored")]
    public static partial void WriteGroupFailed(ILogger logger, Exception exception, int writeCount);

    [LoggerMessage(EventId = 2141, Level = LogLevel.Information, Message = "Ticket database schema upgraded from version {FromVersion} to {ToVersion} in {Elapsed}")]
    public static partial void TicketSchemaUpgraded(ILogger logger, int fromVersion, int toVersion, TimeSpan elapsed);
}
