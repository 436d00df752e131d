namespace CitizenBot.Bot;

/// <summary>
/// The host's log events, one class for the project: accounts (3000), tickets API (3100), live updates (3200), staff notices (3300), dialogue (3400).
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

    [LoggerMessage(EventId = 3400, Level = LogLevel.Debug, Message = "Handled message {MessageId} of {Channel}/{ConversationId} with {ReplyCount} repl(ies)")]
    public static partial void MessageHandled(ILogger logger, string channel, string conversationId, string messageId, int replyCount);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Debug, Message = "Ignored a second delivery of message {MessageId} on {Channel}")]
    public static partial void DuplicateMessage(ILogger logger, string channel, string messageId);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Could not update the dialogues of ticket {TicketNumber} after its {Event}")]
    public static partial void TicketReactionFailed(ILogger logger, Exception exception, string ticketNumber, string @event);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Information, Message = "{Count} idle dialogue(s) lapsed")]
    public static partial void DialoguesExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Error, Message = "The dialogue expiry pass failed; retrying next interval")]
    public static partial void ExpiryPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Information, Message = "Forgot {Count} handled message id(s) older than the retention period")]
    public static partial void HandledMessagesPruned(ILogger logger, int count);
}
