namespace CitizenBot.Bot.Admin.Mining;

/// <summary>A term now a synonym of <c>Of</c>.</summary>
internal sealed record SynonymResponse(string Term, string Of);
