using CitizenBot.Bot.Admin.Entries;
using CitizenBot.Bot.Auth;
using CitizenBot.Knowledge.Curation;
using CitizenBot.Knowledge.Mining;
using CitizenBot.Knowledge.Mining.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Admin.Mining;

/// <summary>
/// Mining and its review queue for admins: run now, read the queue, and decide on topics (a new entry, questions
/// for an existing one, dismiss) and on new terms (lexicon, synonym, dismiss).
/// </summary>
internal static class AdminMiningEndpoints
{
    public static RouteGroupBuilder MapAdminMiningEndpoints(this RouteGroupBuilder mining)
    {
        mining.MapPost("/run", RunAsync).WithName("AdminRunMining");
        mining.MapGet("/latest", LatestAsync).WithName("AdminReviewQueue");
        mining.MapPost("/topics/{id}/accept", AcceptTopicAsync).WithName("AdminAcceptTopic");
        mining.MapPost("/topics/{id}/attach", AttachTopicAsync).WithName("AdminAttachTopic");
        mining.MapPost("/topics/{id}/dismiss", DismissTopicAsync).WithName("AdminDismissTopic");
        mining.MapPost("/terms/accept", AcceptTermAsync).WithName("AdminAcceptTerm");
        mining.MapPost("/terms/synonym", AddSynonymAsync).WithName("AdminAddSynonym");
        mining.MapPost("/terms/dismiss", DismissTermAsync).WithName("AdminDismissTerm");
        return mining;
    }

    /// <summary>
    /// Mines the recent window now and answers the new review queue: the CLI's JSON (topics without message ids)
    /// without what admins already decided, so a topic accepted last week does not come back to be accepted twice.
    /// </summary>
    public static async Task<IResult> RunAsync(MiningService mining, CancellationToken cancellationToken)
    {
        await mining.RunAsync(cancellationToken);
        var queue = await mining.GetQueueAsync(cancellationToken);
        return TypedResults.Json(queue, MiningReportJson.Options);
    }

    /// <summary>The review queue: the latest report without what was already decided.</summary>
    public static async Task<IResult> LatestAsync(MiningService mining, CancellationToken cancellationToken) =>
        await mining.GetQueueAsync(cancellationToken) is { } queue
            ? TypedResults.Json(queue, MiningReportJson.Options)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "尚未挖掘", detail: "还没有挖掘结果：点击“立即挖掘”或等待定时任务。");

    public static async Task<Results<Created<AdminEntryResponse>, ValidationProblem, ProblemHttpResult>> AcceptTopicAsync(
        string id,
        TopicAcceptRequest request,
        StaffUser user,
        TopicReview review,
        CancellationToken cancellationToken)
    {
        var input = new EntryInput(null, request.Title, null, request.Answer, request.Category, request.Tags?.Select(t => t ?? string.Empty).ToArray() ?? [], null, null);
        return await review.AcceptAsync(id, input, user.PersonId, cancellationToken) switch
        {
            null => TopicNotFound(id),
            { Status: CurationStatus.Saved, Entry: { } entry } => TypedResults.Created($"/api/admin/entries/{entry.Entry.Id}", AdminEntryPresenter.Present(entry)),
            var outcome when outcome.Status == CurationStatus.Invalid => AdminProblems.Invalid(outcome),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "条目未能创建", detail: "生成的条目编号已被占用，请重试。"),
        };
    }

    public static async Task<Results<Ok<AdminEntryResponse>, ValidationProblem, ProblemHttpResult>> AttachTopicAsync(
        string id,
        TopicAttachRequest request,
        StaffUser user,
        TopicReview review,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.EntryId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["entryId"] = ["请选择要并入的条目。"] }, title: "缺少条目编号");
        }

        return await review.AttachAsync(id, request.EntryId, user.PersonId, cancellationToken) is { } outcome
            ? AdminProblems.ToResult(request.EntryId, outcome)
            : TopicNotFound(id);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DismissTopicAsync(string id, StaffUser user, TopicReview review, CancellationToken cancellationToken) =>
        await review.DismissAsync(id, user.PersonId, cancellationToken) ? TypedResults.NoContent() : TopicNotFound(id);

    public static async Task<Results<Ok<TermAcceptedResponse>, ValidationProblem>> AcceptTermAsync(
        TermRequest request,
        StaffUser user,
        MiningService mining,
        CancellationToken cancellationToken)
    {
        var result = await mining.AcceptTermAsync(request.Term ?? string.Empty, user.PersonId, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new TermAcceptedResponse(result.Term, result.LexiconSize)) : Refused(result);
    }

    public static async Task<Results<Ok<SynonymResponse>, ValidationProblem>> AddSynonymAsync(
        SynonymRequest request,
        StaffUser user,
        MiningService mining,
        CancellationToken cancellationToken)
    {
        var result = await mining.AddSynonymAsync(request.Term ?? string.Empty, request.Of ?? string.Empty, user.PersonId, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new SynonymResponse(result.Term, result.Of!)) : Refused(result);
    }

    public static async Task<Results<NoContent, ValidationProblem>> DismissTermAsync(
        TermRequest request,
        StaffUser user,
        MiningService mining,
        CancellationToken cancellationToken)
    {
        var result = await mining.DismissTermAsync(request.Term ?? string.Empty, user.PersonId, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : Refused(result);
    }

    private static ValidationProblem Refused(TermDecisionResult result) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.ErrorField ?? "term"] = [result.Error!] }, title: "无法处理该词");

    private static ProblemHttpResult TopicNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该话题", detail: $"最近一次挖掘结果中没有待处理的话题 {id}：它可能已被处理，请刷新待审核列表。");
}
