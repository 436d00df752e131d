namespace CitizenBot.Bot.Admin.Mining;

/// <summary>Adds an unanswered topic's examples to an existing entry as alternative questions.</summary>
internal sealed record TopicAttachRequest(string? EntryId);
