using CitizenBot.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Knowledge;

/// <summary>Search and read the knowledge base: <c>/api/knowledge</c>.</summary>
internal static class KnowledgeEndpoints
{
    private const int MaxHits = 20;

    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/knowledge").WithTags("Knowledge");
        api.MapGet("/search", SearchAsync).WithName("SearchKnowledge");
        api.MapGet("/entries/{id}", GetEntryAsync).WithName("GetKnowledgeEntry");
        return app;
    }

    /// <summary>Ranked entries for a resident's question, with the answer / clarify / abstain decision.</summary>
    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        string? q,
        int? k,
        KnowledgeBase knowledge,
        CancellationToken cancellationToken)
    {
        var retriever = knowledge.Retriever;
        if (retriever.Validate(q) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [error] });
        }

        if (k is < 1 or > MaxHits)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["k"] = [$"k 须在 1 到 {MaxHits} 之间。"] });
        }

        var result = retriever.Search(q!, k ?? 5);
        var answer = result.Answer is { } top ? await knowledge.GetAsync(top.EntryId, cancellationToken) : null;
        return TypedResults.Ok(new SearchResponse(
            q!,
            result.Decision,
            result.Confidence,
            result.ChoicesConfidence,
            result.Hits,
            result.Choices,
            answer is null ? null : EntryResponse.From(answer)));
    }

    /// <summary>One entry by id, published or draft.</summary>
    public static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> GetEntryAsync(
        string id,
        KnowledgeBase knowledge,
        CancellationToken cancellationToken)
    {
        var entry = await knowledge.GetAsync(id, cancellationToken);
        return entry is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该条目", detail: $"知识库中没有编号为 {id} 的条目。")
            : TypedResults.Ok(EntryResponse.From(entry));
    }
}
