using Microsoft.Extensions.Logging;

namespace CitizenBot.Knowledge.Curation;

/// <summary>Entry curation's log events (1600–1619). Entries are named by id; no entry text is logged.</summary>
internal static partial class CurationLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Entry {EntryId} saved as revision {Revision} ({Action})")]
    public static partial void EntrySaved(ILogger logger, string entryId, int revision, string action);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Entry {EntryId} not saved: it is at revision {Revision}, not the expected {ExpectedRevision}")]
    public static partial void EntryConflict(ILogger logger, string entryId, int revision, int? expectedRevision);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Curated import: {Added} added, {Updated} updated, {Unchanged} unchanged")]
    public static partial void Imported(ILogger logger, int added, int updated, int unchanged);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "Curated import rejected with {ErrorCount} errors; nothing was written")]
    public static partial void ImportRejected(ILogger logger, int errorCount);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "Exported {EntryCount} entries to {Folder}")]
    public static partial void Exported(ILogger logger, int entryCount, string folder);
}
