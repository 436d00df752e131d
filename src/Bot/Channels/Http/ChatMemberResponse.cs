namespace CitizenBot.Bot.Channels.Http;

/// <summary>A staff member as they appear in a group chat.</summary>
internal sealed record ChatMemberResponse(string SenderId, string Name);
