using Microsoft.Extensions.Logging;

namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>
/// The mining service's and review queue's events (1620–1649). Counts, ids and durations only: never question text,
/// and not the mined terms either (they are cut from residents' messages).
/// </summary>
internal static partial class ReviewLog
{
    [LoggerMessage(EventId = 1620, Level = LogLevel.Information, Message = "Mining run over {QuestionCount} logged questions found {TopicCount} topics and {NewWordCount} new words in {ElapsedMilliseconds} ms")]
    public static partial void RunCompleted(ILogger logger, int questionCount, int topicCount, int newWordCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1621, Level = LogLevel.Error, Message = "Scheduled mining run failed; the next one comes in {Period}")]
    public static partial void ScheduledRunFailed(ILogger logger, Exception exception, TimeSpan period);

    [LoggerMessage(EventId = 1622, Level = LogLevel.Information, Message = "Mining scheduled every {Period}")]
    public static partial void ScheduleStarted(ILogger logger, TimeSpan period);

    [LoggerMessage(EventId = 1623, Level = LogLevel.Information, Message = "Mining schedule disabled; mining runs on demand only")]
    public static partial void ScheduleDisabled(ILogger logger);

    [LoggerMessage(EventId = 1624, Level = LogLevel.Information, Message = "Topic {TopicId} decided: {Decision}, entry {EntryId}")]
    public static partial void TopicDecided(ILogger logger, string topicId, TopicDecision decision, string? entryId);

    [LoggerMessage(EventId = 1625, Level = LogLevel.Information, Message = "Mined term {Decision}; the live index was re-tokenized with {LexiconCount} lexicon words in {ElapsedMilliseconds} ms")]
    public static partial void VocabularyApplied(ILogger logger, string decision, int lexiconCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1626, Level = LogLevel.Information, Message = "Mined term dismissed")]
    public static partial void TermDismissed(ILogger logger);

    [LoggerMessage(EventId = 1627, Level = LogLevel.Information, Message = "Learned vocabulary written to {Directory}: {WordCount} words, {SynonymCount} synonyms")]
    public static partial void VocabularyWritten(ILogger logger, string directory, int wordCount, int synonymCount);
}
