using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Bot.Dialogue.Recording;

/// <summary>
/// Tells the question log what the question flow decided and what followed (a pick, a handoff). Each call only queues
/// a write (no I/O, no waiting), and none ever throws: recording is statistics, and the resident's turn goes on
/// whatever happens to it.
/// </summary>
internal sealed class QuestionRecorder(QuestionLogStore log, ILogger<QuestionRecorder> logger)
{
    /// <summary>The flow searched for <paramref name="turn"/>'s text and decided <paramref name="result"/>.</summary>
    public void Decided(Turn turn, SearchResult result)
    {
        try
        {
            log.Record(new QuestionRecord(
                turn.Now,
                turn.Message.Channel,
                turn.InGroup ? ConversationKind.Group : ConversationKind.Private,
                turn.ResidentId,
                turn.Text,
                result.Decision,
                result.Confidence,
                result.Answer?.EntryId));
        }
        catch (Exception ex)
        {
            QuestionRecorderLog.RecordFailed(logger, ex);
        }
    }

    /// <summary>The resident picked <paramref name="entryId"/> from the choices the flow offered.</summary>
    public void Picked(Turn turn, string entryId)
    {
        try
        {
            log.MarkPicked(turn.ResidentId, entryId, turn.Now);
        }
        catch (Exception ex)
        {
            QuestionRecorderLog.RecordFailed(logger, ex);
        }
    }

    /// <summary>The resident asked for a person.</summary>
    public void HandoffRequested(Turn turn)
    {
        try
        {
            log.MarkHandoff(turn.ResidentId, turn.Now);
        }
        catch (Exception ex)
        {
            QuestionRecorderLog.RecordFailed(logger, ex);
        }
    }
}
