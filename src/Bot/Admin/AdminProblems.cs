using CitizenBot.Bot.Admin.Entries;
using CitizenBot.Knowledge.Curation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Admin;

/// <summary>The admin API's answers for curation outcomes other than success, in Chinese.</summary>
internal static class AdminProblems
{
    public static ProblemHttpResult EntryNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该条目", detail: $"知识库中没有编号为 {id} 的条目。");

    public static ValidationProblem Invalid(CurationOutcome outcome) =>
        TypedResults.ValidationProblem(outcome.Errors, title: "条目内容不符合要求");

    /// <summary>The answer to an edit of an existing entry.</summary>
    public static Results<Ok<AdminEntryResponse>, ValidationProblem, ProblemHttpResult> ToResult(string id, CurationOutcome outcome) => outcome.Status switch
    {
        CurationStatus.Saved => TypedResults.Ok(AdminEntryPresenter.Present(outcome.Entry!)),
        CurationStatus.Invalid => Invalid(outcome),
        CurationStatus.NotFound => EntryNotFound(id),
        _ => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "条目已被他人修改",
            detail: outcome.Entry is { } current ? $"条目 {id} 已更新到第 {current.Revision} 版，请刷新后再修改。" : $"条目 {id} 已被他人修改，请刷新后再修改。"),
    };
}
