namespace CitizenBot.Escalation.Categories;

/// <summary>A category guessed from a resident's text, to be confirmed by the resident or a grid worker.</summary>
/// <param name="Item">The guessed item.</param>
/// <param name="Hits">How many of the item's keywords (its name included) occur in the text.</param>
/// <param name="LongestKeyword">The longest of those keywords.</param>
internal sealed record CategoryGuess(CategoryItem Item, int Hits, string LongestKeyword);
