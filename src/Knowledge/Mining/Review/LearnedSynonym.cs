namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>A term an admin made a synonym of <paramref name="Of"/>: it joins <c>Of</c>'s synonym group, or starts one with it.</summary>
public sealed record LearnedSynonym(string Term, string Of);
