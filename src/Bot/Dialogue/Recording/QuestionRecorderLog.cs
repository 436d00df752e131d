namespace CitizenBot.Bot.Dialogue.Recording;

/// <summary>The question recorder's events (3700–3749). Never resident ids or question text.</summary>
internal static partial class QuestionRecorderLog
{
    [LoggerMessage(EventId = 3700, Level = LogLevel.Error, Message = "Recording a question failed; the resident's turn goes on")]
    public static partial void RecordFailed(ILogger logger, Exception exception);
}
