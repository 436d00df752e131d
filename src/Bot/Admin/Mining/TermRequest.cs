namespace CitizenBot.Bot.Admin.Mining;

/// <summary>A suggested term to accept into the lexicon or dismiss.</summary>
internal sealed record TermRequest(string? Term);
