namespace CitizenBot.Knowledge.Mining;

/// <summary>The ranked term lists of one run.</summary>
/// <param name="Terms">Known and new terms by score (see <see cref="MiningReport.Terms"/>).</param>
/// <param name="NewWords">New words only, by score.</param>
/// <param name="Rising">Terms by rise.</param>
/// <param name="Candidates">N-grams that passed the frequency floor and cohesion, before entropy.</param>
/// <param name="PruneFloor">The highest count at which n-grams were dropped to bound memory (0: none).</param>
public sealed record TermMiningResult(
    IReadOnlyList<MinedTerm> Terms,
    IReadOnlyList<MinedTerm> NewWords,
    IReadOnlyList<MinedTerm> Rising,
    int Candidates,
    int PruneFloor);
