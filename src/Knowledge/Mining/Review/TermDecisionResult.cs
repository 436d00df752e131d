namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>The outcome of accepting, linking or dismissing a mined term.</summary>
/// <param name="Term">The term as stored (normalized), or as given when it was invalid.</param>
/// <param name="Of">For a synonym, the existing term it joined (normalized); otherwise null.</param>
/// <param name="LexiconSize">Words and synonym terms the live analyzer knows after the change (0 on failure).</param>
/// <param name="ErrorField">The request field the error is about (<c>term</c> or <c>of</c>); null on success.</param>
/// <param name="Error">Why nothing changed, in Chinese for the admin; null on success.</param>
public sealed record TermDecisionResult(string Term, string? Of, int LexiconSize, string? ErrorField, string? Error)
{
    public bool Succeeded => Error is null;

    internal static TermDecisionResult Invalid(string term, string field, string error) => new(term, null, 0, field, error);
}
