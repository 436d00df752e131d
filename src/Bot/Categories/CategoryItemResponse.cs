using CitizenBot.Escalation.Categories;

namespace CitizenBot.Bot.Categories;

/// <summary>One reportable item of a category group; <c>Grade</c> is a number: 1 red (most urgent), 2 yellow, 3 blue.</summary>
internal sealed record CategoryItemResponse(string Id, string Name, int Grade)
{
    public static CategoryItemResponse From(CategoryItem item) => new(item.Id, item.Name, (int)item.Grade);
}
