using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>
/// One word of a short reply ("好的", "谢谢", "不满意"): the intent it carries, the rating it gives, or neither for
/// filler ("吧", "啊").
/// </summary>
internal readonly record struct ShortReply(MessageIntent? Intent, Rating? Rating)
{
    public static ShortReply Filler => default;
}
