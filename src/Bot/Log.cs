namespace CitizenBot.Bot;

/// <summary>
/// The host's log events, one class for the project: accounts (3000), tickets API (3100), live updates (3200).
/// Person ids and ticket numbers only: never passwords, names, phones or complaint text.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Seeded the password of {Count} staff account(s); each should change it at first sign-in")]
    public static partial void AccountsSeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Failed sign-in for {PersonId}")]
    public static partial void SignInFailed(ILogger logger, string personId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{PersonId} changed their password")]
    public static partial void PasswordChanged(ILogger logger, string personId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "{PersonId} signed in")]
    public static partial void SignedIn(ILogger logger, string personId);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Debug, Message = "Live ticket updates opened for {PersonId}")]
    public static partial void LiveStreamOpened(ILogger logger, string personId);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Live ticket updates closed for {PersonId}")]
    public static partial void LiveStreamClosed(ILogger logger, string personId);

    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Could not notify {PersonId} about ticket {TicketNumber}")]
    public static partial void StaffNoticeFailed(ILogger logger, Exception exception, string personId, string ticketNumber);
}
