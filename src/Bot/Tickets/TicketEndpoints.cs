using CitizenBot.Bot.Auth;
using CitizenBot.Bot.Channels;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Tickets;

/// <summary>
/// Complaint tickets: <c>/api/tickets</c>. Filing is open to channels and forms (a resident has no account); reading
/// and working tickets needs a staff token and is limited to the caller's part of the tree (<see cref="TicketAccess"/>).
/// A ticket outside that part answers 404, so its existence is not disclosed either.
/// </summary>
internal static class TicketEndpoints
{
    private const int MaxNoteLength = 2000;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets").WithTags("Tickets");
        api.MapPost("/", CreateAsync).WithName("CreateTicket").AllowAnonymous();
        api.MapPost("/{number}/rating", RateAsync).WithName("RateTicket").AllowAnonymous();

        var staff = api.MapGroup("").RequireAuthorization(StaffPolicies.Staff);
        staff.MapGet("/", ListAsync).WithName("ListTickets");
        staff.MapGet("/events", TicketEventStream.StreamAsync).WithName("StreamTicketChanges");
        staff.MapGet("/{number}", GetAsync).WithName("GetTicket");
        staff.MapPost("/{number}/accept", (string number, StaffUser user, TicketWork work, CancellationToken ct) =>
            work.RunAsync(number, user, (t, now) => t.Accept(user.PersonId, now), ct)).WithName("AcceptTicket");
        staff.MapPost("/{number}/start", (string number, StaffUser user, TicketWork work, CancellationToken ct) =>
            work.RunAsync(number, user, (t, now) => t.Start(user.PersonId, now), ct)).WithName("StartTicket");
        staff.MapPost("/{number}/notes", (string number, TicketNoteRequest body, StaffUser user, TicketWork work, CancellationToken ct) =>
            WithNote(body, "请填写备注内容。", note => work.RunAsync(number, user, (t, now) => t.AddNote(user.PersonId, note, now), ct))).WithName("AddTicketNote");
        staff.MapPost("/{number}/replies", ReplyAsync).WithName("ReplyToResident");
        staff.MapPost("/{number}/dispatch", DispatchAsync).WithName("DispatchTicket");
        staff.MapPost("/{number}/resolve", (string number, TicketNoteRequest body, StaffUser user, TicketWork work, CancellationToken ct) =>
            WithNote(body, "办结必须填写处理结果。", note => work.RunAsync(number, user, (t, now) => t.Resolve(user.PersonId, note, now), ct))).WithName("ResolveTicket");
        staff.MapPost("/{number}/reopen", (string number, TicketNoteRequest body, StaffUser user, TicketWork work, CancellationToken ct) =>
            WithNote(body, "重新办理必须填写原因。", note => work.RunAsync(number, user, (t, now) => t.Reopen(user.PersonId, note, now), ct))).WithName("ReopenTicket");
        return app;
    }

    /// <summary>Files a complaint and hands it to its grid at once; answers the ticket with its number.</summary>
    public static async Task<Results<Created<TicketResponse>, ValidationProblem>> CreateAsync(
        CreateTicketRequest request,
        EscalationModule escalation,
        TicketPresenter presenter,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var ticket = TicketRequestValidator.Validate(request, escalation, errors);
        if (ticket is null)
        {
            return TypedResults.ValidationProblem(errors, title: "工单信息不完整或有误");
        }

        var filed = await escalation.TicketDesk.SubmitAsync(ticket, cancellationToken);
        return TypedResults.Created($"/api/tickets/{filed.Number}", presenter.Present(filed, withEvents: true));
    }

    /// <summary>The tickets the caller may see, filtered, one page at a time.</summary>
    public static async Task<Results<Ok<TicketListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] TicketListQuery query,
        StaffUser user,
        EscalationModule escalation,
        TicketPresenter presenter,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = ParseStatuses(query.Status, errors);
        var limit = query.Limit ?? 50;
        var offset = query.Offset ?? 0;
        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"limit 须在 1 到 {MaxPageSize} 之间。"];
        }

        if (offset < 0)
        {
            errors["offset"] = ["offset 不能为负数。"];
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            errors["to"] = ["结束日期不能早于开始日期。"];
        }

        var tree = escalation.OrgTree;
        var grids = TicketAccess.VisibleGrids(user, tree);
        if (!string.IsNullOrWhiteSpace(query.GridId))
        {
            if (tree.FindNode(query.GridId) is not { Level: OrgLevel.Grid } || !tree.IsWithin(query.GridId, user.NodeId))
            {
                errors["gridId"] = ["该网格不在您的管辖范围内。"];
            }

            grids = [query.GridId];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await escalation.TicketStore.ListAsync(
            new TicketQuery
            {
                Statuses = statuses,
                GridNodeIds = grids,
                HolderNodeIds = query.Mine == true ? [user.NodeId] : null,
                Supervised = query.Supervised,
                SubmittedFrom = query.From is { } f ? BeijingTime.StartOfDayUtc(f) : null,
                SubmittedBefore = query.To is { } t ? BeijingTime.EndOfDayUtc(t) : null,
                Limit = limit + 1,
                Offset = offset,
            },
            cancellationToken);
        return TypedResults.Ok(new TicketListResponse(
            [.. page.Take(limit).Select(ticket => presenter.Present(ticket, withEvents: false))],
            limit,
            offset,
            page.Count > limit));
    }

    /// <summary>One ticket with its whole history.</summary>
    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetAsync(
        string number,
        StaffUser user,
        EscalationModule escalation,
        TicketPresenter presenter,
        CancellationToken cancellationToken)
    {
        var ticket = TicketNumber.TryParse(number, out var parsed) ? await escalation.TicketStore.GetAsync(parsed, cancellationToken) : null;
        return ticket is not null && TicketAccess.CanSee(user, ticket, escalation.OrgTree)
            ? TypedResults.Ok(presenter.Present(ticket, withEvents: true))
            : TicketWork.NotFound(number);
    }

    /// <summary>Records a reply to the resident in the history, then sends it through the outbound port.</summary>
    public static Task<Results<Ok<TicketResponse>, ProblemHttpResult, ValidationProblem>> ReplyAsync(
        string number,
        TicketNoteRequest body,
        StaffUser user,
        TicketWork work,
        IOutboundPort outbound,
        CancellationToken cancellationToken) =>
        WithNote(body, "请填写回复内容。", async text =>
        {
            var result = await work.RunAsync(number, user, (t, now) => t.RecordReply(user.PersonId, text, now), cancellationToken);
            if (result.Result is Ok<TicketResponse> { Value: { } ticket })
            {
                await outbound.SendAsync(new OutboundNotice(ticket.Reporter.ChannelUserId, $"【工单 {ticket.Number}】{user.Name}（{ticket.Holder?.NodeName}）回复：{text}", ticket.Number), cancellationToken);
            }

            return result;
        });

    /// <summary>街道吹哨、部门报到: a street (or the district) dispatches the ticket to a functional department.</summary>
    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult, ValidationProblem>> DispatchAsync(
        string number,
        DispatchRequest body,
        StaffUser user,
        TicketWork work,
        EscalationModule escalation,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.DepartmentId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["departmentId"] = ["请选择职能部门。"] });
        }

        if (body.Note is { Length: > MaxNoteLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"说明不能超过 {MaxNoteLength} 个字。"] });
        }

        var departmentId = body.DepartmentId.Trim();
        var tree = escalation.OrgTree;
        return await work.RunAsync(number, user, (t, now) =>
        {
            // The holding street's own list decides; the district may call on any department a street under it has.
            var holder = tree.FindNode(t.HolderNodeId ?? "");
            var known = holder?.Level == OrgLevel.District
                ? tree.Nodes.Any(n => n.Departments.Any(d => d.Id == departmentId))
                : holder?.Departments.Any(d => d.Id == departmentId) == true;
            if (holder?.Level is OrgLevel.Street or OrgLevel.District && !known)
            {
                throw new TicketForbiddenException($"{holder.Name}没有可派发的“{departmentId}”部门。");
            }

            t.DispatchToDepartment(user.PersonId, departmentId, string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), now);
        }, cancellationToken);
    }

    /// <summary>The resident's rating, relayed by the channel they gave it on; 不满意 reopens the ticket one level up (二次哨).</summary>
    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult, ValidationProblem>> RateAsync(
        string number,
        RatingRequest body,
        EscalationModule escalation,
        TimeProvider timeProvider,
        TicketPresenter presenter,
        CancellationToken cancellationToken)
    {
        if (body.Rating is not { } rating || !Enum.IsDefined(rating) || string.IsNullOrWhiteSpace(body.ChannelUserId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["rating"] = ["请给出评价：satisfied（满意）、fairlySatisfied（基本满意）或 dissatisfied（不满意），并附上反映人的渠道用户编号。"],
            });
        }

        if (!TicketNumber.TryParse(number, out var parsed))
        {
            return TicketWork.NotFound(number);
        }

        try
        {
            var ticket = await escalation.TicketDesk.ApplyAsync(parsed, t =>
            {
                // Only the resident who filed it rates it; anyone else learns nothing, not even that it exists.
                if (!string.Equals(t.Reporter.ChannelUserId, body.ChannelUserId.Trim(), StringComparison.Ordinal))
                {
                    throw new KeyNotFoundException();
                }

                t.Rate(rating, timeProvider.GetUtcNow());
            }, cancellationToken);
            return ticket is null ? TicketWork.NotFound(number) : TypedResults.Ok(presenter.Present(ticket, withEvents: true));
        }
        catch (KeyNotFoundException)
        {
            return TicketWork.NotFound(number);
        }
        catch (TicketTransitionException ex)
        {
            return TicketWork.Conflict(ex.Reason);
        }
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult, ValidationProblem>> WithNote(
        TicketNoteRequest body,
        string missing,
        Func<string, Task<Results<Ok<TicketResponse>, ProblemHttpResult, ValidationProblem>>> action)
    {
        var note = body.Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [missing] });
        }

        if (note.Length > MaxNoteLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"内容不能超过 {MaxNoteLength} 个字。"] });
        }

        return await action(note);
    }

    private static TicketStatus[]? ParseStatuses(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var statuses = new List<TicketStatus>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, "open", StringComparison.OrdinalIgnoreCase))
            {
                statuses.AddRange([TicketStatus.Assigned, TicketStatus.Accepted, TicketStatus.InProgress]);
            }
            else if (Enum.TryParse<TicketStatus>(part, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(part, out _))
            {
                statuses.Add(status);
            }
            else
            {
                errors["status"] = ["status 可取 submitted、assigned、accepted、inProgress、resolved、closed 或 open，多个用逗号分隔。"];
                return null;
            }
        }

        return [.. statuses.Distinct()];
    }
}
