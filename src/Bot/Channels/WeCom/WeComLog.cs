using CitizenBot.Bot.Conversations;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>The WeCom channel's log events (3600–3649). Message ids and reasons only: never user ids or message text.</summary>
internal static partial class WeComLog
{
    [LoggerMessage(EventId = 3600, Level = LogLevel.Warning, Message = "Refused a WeCom callback: {Reason}")]
    public static partial void CallbackRefused(ILogger logger, WeComRejection reason);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Information, Message = "Refused a malformed WeCom callback: {Problem}")]
    public static partial void CallbackMalformed(ILogger logger, string problem);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Information, Message = "WeCom callback URL verified")]
    public static partial void UrlVerified(ILogger logger);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Debug, Message = "WeCom message {MsgId} answered with {ReplyCount} reply(ies) and {NoticeCount} waiting notice(s)")]
    public static partial void MessageAnswered(ILogger logger, string msgId, int replyCount, int noticeCount);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Debug, Message = "WeCom message of type {MsgType} not handled: only text is")]
    public static partial void NotText(ILogger logger, string msgType);

    [LoggerMessage(EventId = 3605, Level = LogLevel.Warning, Message = "A reply to another WeCom {ConversationType} conversation cannot be delivered: a passive reply reaches only the one written in")]
    public static partial void ReplyUndeliverable(ILogger logger, ConversationType conversationType);

    [LoggerMessage(EventId = 3606, Level = LogLevel.Debug, Message = "WeCom message {MsgId} was a duplicate; answered empty")]
    public static partial void Duplicate(ILogger logger, string msgId);
}
