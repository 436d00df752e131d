namespace CitizenBot.Bot.Admin.Mining;

/// <summary>A term now in the lexicon, and the lexicon's new size.</summary>
internal sealed record TermAcceptedResponse(string Term, int LexiconSize);
