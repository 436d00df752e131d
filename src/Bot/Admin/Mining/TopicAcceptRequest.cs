namespace CitizenBot.Bot.Admin.Mining;

/// <summary>Turns an unanswered topic into a published entry whose alternative questions are the topic's examples.</summary>
internal sealed record TopicAcceptRequest(string? Title, string? Answer, string? Category, IReadOnlyList<string?>? Tags);
