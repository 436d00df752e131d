using Microsoft.Extensions.Logging;

namespace CitizenBot.Knowledge;

/// <summary>The knowledge module's log events. Never log message text: it may hold residents' personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Knowledge index {DatabasePath} opened with {EntryCount} searchable entries and {LexiconCount} lexicon words")]
    public static partial void IndexOpened(ILogger logger, string databasePath, int entryCount, int lexiconCount);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Knowledge import: {Added} added, {Updated} updated, {Unchanged} unchanged")]
    public static partial void Imported(ILogger logger, int added, int updated, int unchanged);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Knowledge import rejected with {ErrorCount} errors; nothing was written")]
    public static partial void ImportRejected(ILogger logger, int errorCount);
}
