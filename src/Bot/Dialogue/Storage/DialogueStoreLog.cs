namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>The dialogue store's log events (3650–3699). Keys and counts only: never names, phones or message text.</summary>
internal static partial class DialogueStoreLog
{
    [LoggerMessage(EventId = 3650, Level = LogLevel.Information, Message = "Dialogue database schema upgraded from version {FromVersion} to {ToVersion}")]
    public static partial void SchemaUpgraded(ILogger logger, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 3651, Level = LogLevel.Warning, Message = "A group of {Count} dialogue writes failed to commit; retrying each on its own")]
    public static partial void GroupFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 3652, Level = LogLevel.Error, Message = "A dialogue write failed on its own")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3653, Level = LogLevel.Information, Message = "Pruned {Count} handled message ids older than {Before}")]
    public static partial void HandledMessagesPruned(ILogger logger, int count, DateTimeOffset before);
}
