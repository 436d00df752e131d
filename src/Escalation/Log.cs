using Microsoft.Extensions.Logging;

namespace CitizenBot.Escalation;

/// <summary>The escalation module's start-up log events.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Escalation content loaded from {ContentDirectory}: {NodeCount} org nodes, {ItemCount} category items; tickets in {DatabasePath}")]
    public static partial void ModuleInitialized(ILogger logger, string contentDirectory, int nodeCount, int itemCount, string databasePath);
}
