namespace CitizenBot.Bot.Channels.Http;

/// <summary>A residents' group chat from org.yaml, with the grid it serves and that grid's worker (a member of the group).</summary>
internal sealed record ChatGroupResponse(string ConversationId, string Name, string GridId, string GridName, ChatMemberResponse? Worker);
