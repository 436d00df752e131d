using CitizenBot.Bot.Auth;
using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Curation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Admin.Entries;

/// <summary>
/// FAQ entries for admins: list, read, create, edit, publish, retire, history and diffs, and the knowledge-base
/// format in and out. Every write is live (index and revision committed) when it answers.
/// </summary>
internal static class AdminEntryEndpoints
{
    public static RouteGroupBuilder MapAdminEntryEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/entries", ListAsync).WithName("AdminListEntries");
        admin.MapGet("/entries/{id}", GetAsync).WithName("AdminGetEntry");
        admin.MapPost("/entries", CreateAsync).WithName("AdminCreateEntry");
        admin.MapPut("/entries/{id}", UpdateAsync).WithName("AdminUpdateEntry");
        admin.MapPost("/entries/{id}/publish", (string id, StaffUser user, EntryCurator curator, CancellationToken ct) =>
            SetStatusAsync(id, EntryStatus.Published, user, curator, ct)).WithName("AdminPublishEntry");
        admin.MapPost("/entries/{id}/retire", (string id, StaffUser user, EntryCurator curator, CancellationToken ct) =>
            SetStatusAsync(id, EntryStatus.Retired, user, curator, ct)).WithName("AdminRetireEntry");
        admin.MapGet("/entries/{id}/revisions", HistoryAsync).WithName("AdminEntryRevisions");
        admin.MapGet("/entries/{id}/diff", DiffAsync).WithName("AdminEntryDiff");
        admin.MapGet("/categories", (KnowledgeBase knowledge) =>
            TypedResults.Ok(knowledge.Index.Categories.Categories.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => new FaqCategoryResponse(c.Id, c.Name)).ToArray()))
            .WithName("AdminFaqCategories");
        admin.MapGet("/export", EntryTransfer.ExportAsync).WithName("AdminExport");
        admin.MapPost("/import", EntryTransfer.ImportAsync).WithName("AdminImport").DisableAntiforgery();
        return admin;
    }

    public static async Task<Results<Ok<AdminEntryListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] AdminEntryListQuery query,
        EntryCurator curator,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        EntryStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (EntryStatusText.TryParse(query.Status.Trim(), out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = ["状态只能是 published、draft 或 retired。"];
            }
        }

        if (query.Page is < 1)
        {
            errors["page"] = ["页码从 1 开始。"];
        }

        if (query.PageSize is < 1 or > EntryQuery.MaxPageSize)
        {
            errors["pageSize"] = [$"每页条数须在 1 到 {EntryQuery.MaxPageSize} 之间。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "查询条件有误");
        }

        var page = await curator.ListAsync(new EntryQuery(query.Q, status, query.Category, query.Page ?? 1, query.PageSize ?? 20), cancellationToken);
        return TypedResults.Ok(new AdminEntryListResponse(page.Total, [.. page.Items.Select(AdminEntryPresenter.Summarize)]));
    }

    public static async Task<Results<Ok<AdminEntryResponse>, ProblemHttpResult>> GetAsync(string id, EntryCurator curator, CancellationToken cancellationToken) =>
        await curator.GetAsync(id, cancellationToken) is { } entry
            ? TypedResults.Ok(AdminEntryPresenter.Present(entry))
            : AdminProblems.EntryNotFound(id);

    public static async Task<Results<Created<AdminEntryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        AdminEntryRequest request,
        StaffUser user,
        EntryCurator curator,
        CancellationToken cancellationToken)
    {
        var outcome = await curator.CreateAsync(AdminEntryPresenter.ToInput(request), user.PersonId, cancellationToken);
        return outcome.Status switch
        {
            CurationStatus.Saved => TypedResults.Created($"/api/admin/entries/{outcome.Entry!.Entry.Id}", AdminEntryPresenter.Present(outcome.Entry)),
            CurationStatus.Invalid => AdminProblems.Invalid(outcome),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "条目编号已被占用", detail: $"已有编号为 {request.Id} 的条目，请换一个编号或编辑原条目。"),
        };
    }

    public static async Task<Results<Ok<AdminEntryResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id,
        AdminEntryRequest request,
        StaffUser user,
        EntryCurator curator,
        CancellationToken cancellationToken)
    {
        var outcome = await curator.UpdateAsync(id, AdminEntryPresenter.ToInput(request), request.Revision, user.PersonId, cancellationToken);
        return AdminProblems.ToResult(id, outcome);
    }

    public static async Task<Results<Ok<AdminEntryResponse>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(
        string id,
        EntryStatus status,
        StaffUser user,
        EntryCurator curator,
        CancellationToken cancellationToken) =>
        AdminProblems.ToResult(id, await curator.SetStatusAsync(id, status, user.PersonId, cancellationToken));

    public static async Task<Results<Ok<RevisionResponse[]>, ProblemHttpResult>> HistoryAsync(string id, EntryCurator curator, CancellationToken cancellationToken) =>
        await curator.HistoryAsync(id, cancellationToken) is { } history
            ? TypedResults.Ok(history.Select(r => new RevisionResponse(r.Revision, r.At, r.Author, RevisionActionText.ToText(r.Action), r.Status, r.Title)).ToArray())
            : AdminProblems.EntryNotFound(id);

    public static async Task<Results<Ok<DiffResponse>, ValidationProblem, ProblemHttpResult>> DiffAsync(
        string id,
        int? from,
        int? to,
        EntryCurator curator,
        CancellationToken cancellationToken)
    {
        if (from is not { } older || to is not { } newer)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [from is null ? "from" : "to"] = ["请指定要比较的两个版本号 from 和 to。"] },
                title: "缺少版本号");
        }

        return await curator.DiffAsync(id, older, newer, cancellationToken) is { } diff
            ? TypedResults.Ok(new DiffResponse(diff.From, diff.To, [.. diff.Lines.Select(l => new DiffLineResponse(DiffKindText(l.Kind), l.Text))]))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该版本", detail: $"条目 {id} 没有版本 {older} 或 {newer}。");
    }

    private static string DiffKindText(DiffKind kind) => kind switch
    {
        DiffKind.Added => "added",
        DiffKind.Removed => "removed",
        _ => "same",
    };
}
