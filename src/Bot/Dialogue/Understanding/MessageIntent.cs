namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>What a resident's (or worker's) message is, as read by <see cref="MessageReader"/>.</summary>
internal enum MessageIntent
{
    /// <summary>Nothing recognisable: a bare number, a choice pick, a rating alone, a form answer such as "不急" or "5号楼".</summary>
    Unknown,

    /// <summary>你好, 在吗, 早上好, 哈喽; also an empty message (a bare @mention of the bot).</summary>
    Greeting,

    /// <summary>谢谢, 多谢, 辛苦了, 好的谢谢.</summary>
    Thanks,

    /// <summary>Short social talk that must not go to the knowledge base: 哈哈, 好的, 嗯嗯, 你是谁, 👍, 今天天气不错.</summary>
    ChitChat,

    /// <summary>Asks for information, including how to deal with a problem ("暖气不热怎么办"): the knowledge base answers.</summary>
    Question,

    /// <summary>Reports a problem to be fixed, or asks to complain (我要投诉, 报修): opens the complaint form.</summary>
    Report,

    /// <summary>Asks how an earlier complaint is going (我的工单怎么样了), or gives a ticket number.</summary>
    Progress,

    /// <summary>Asks for a person (转人工, 找网格员).</summary>
    Human,

    /// <summary>Abandons what is in progress (取消, 算了, 不用了).</summary>
    Cancel,

    /// <summary>Yes to what the bot asked (确认, 对, 是的, 提交).</summary>
    Confirm,

    /// <summary>No to what the bot asked, standing alone (不对, 不是, 错了). "不对，是5号楼" is a correction, read by <see cref="ComplaintFactReader"/>.</summary>
    Deny,

    /// <summary>A grid worker hands the conversation back to the bot (交还百事通, 人工结束); the engine honours it only from a worker.</summary>
    HandBack,
}
