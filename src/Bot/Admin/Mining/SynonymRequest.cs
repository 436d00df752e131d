namespace CitizenBot.Bot.Admin.Mining;

/// <summary>A suggested term to make a synonym of a term the lexicon already has.</summary>
internal sealed record SynonymRequest(string? Term, string? Of);
