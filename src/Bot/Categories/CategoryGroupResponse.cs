using CitizenBot.Escalation.Categories;

namespace CitizenBot.Bot.Categories;

/// <summary>One group of <c>GET /api/categories</c> with its items, in categories.yaml order.</summary>
internal sealed record CategoryGroupResponse(string Id, string Name, IReadOnlyList<CategoryItemResponse> Items)
{
    public static CategoryGroupResponse From(CategoryGroup group) =>
        new(group.Id, group.Name, [.. group.Items.Select(CategoryItemResponse.From)]);
}
