using CitizenBot.Escalation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Categories;

/// <summary>The ticket categories, a public read: <c>/api/categories</c>.</summary>
internal static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/categories").WithTags("Categories");
        api.MapGet("/", GetCategories).WithName("GetCategories");
        return app;
    }

    /// <summary>Every group with its items and their urgency grades, in categories.yaml order.</summary>
    public static Ok<IReadOnlyList<CategoryGroupResponse>> GetCategories(EscalationModule escalation) =>
        TypedResults.Ok<IReadOnlyList<CategoryGroupResponse>>([.. escalation.CategoryCatalog.Groups.Select(CategoryGroupResponse.From)]);
}
