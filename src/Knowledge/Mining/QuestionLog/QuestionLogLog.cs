using Microsoft.Extensions.Logging;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>The question log's events (1550–1599). Counts and paths only: never resident ids or question text.</summary>
internal static partial class QuestionLogLog
{
    [LoggerMessage(EventId = 1550, Level = LogLevel.Information, Message = "Question log {DatabasePath} opened at schema version {Version} (found {FoundVersion})")]
    public static partial void Opened(ILogger logger, string databasePath, int version, int foundVersion);

    [LoggerMessage(EventId = 1551, Level = LogLevel.Warning, Message = "Question log buffer full; {Dropped} writes dropped so far")]
    public static partial void Dropped(ILogger logger, long dropped);

    [LoggerMessage(EventId = 1552, Level = LogLevel.Warning, Message = "A group of {Count} question log writes failed; retrying each on its own")]
    public static partial void GroupFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1553, Level = LogLevel.Error, Message = "A question log write of kind {Kind} failed and was dropped")]
    public static partial void WriteFailed(ILogger logger, Exception exception, QuestionLogWriteKind kind);

    [LoggerMessage(EventId = 1554, Level = LogLevel.Information, Message = "Pruned {Count} logged questions older than {Before}")]
    public static partial void Pruned(ILogger logger, int count, DateTimeOffset before);

    [LoggerMessage(EventId = 1555, Level = LogLevel.Error, Message = "Pruning the question log failed; retrying at the next interval")]
    public static partial void PruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1556, Level = LogLevel.Information, Message = "Created a new resident key secret at {KeyPath}")]
    public static partial void SecretCreated(ILogger logger, string keyPath);
}
