using CitizenBot.Bot.Auth;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Tickets;

/// <summary>
/// Runs one staff action on a ticket through the desk and answers it the same way for every action: 404 when the
/// ticket is unknown or outside the caller's part of the tree, 403 when they may see but not work it, 409 with the
/// ticket's own Chinese reason when its state refuses the action.
/// </summary>
internal sealed class TicketWork(EscalationModule escalation, TicketPresenter presenter, TimeProvider timeProvider)
{
    public async Task<Results<Ok<TicketResponse>, ProblemHttpResult, ValidationProblem>> RunAsync(
        string number,
        StaffUser user,
        Action<Ticket, DateTimeOffset> action,
        CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(number, out var parsed))
        {
            return NotFound(number);
        }

        var tree = escalation.OrgTree;
        try
        {
            // The checks run inside the command, on the state it changes: a ticket that escalated a moment ago is
            // no longer the grid worker's to accept, even if their page still shows it.
            var ticket = await escalation.TicketDesk.ApplyAsync(parsed, t =>
            {
                if (!TicketAccess.CanSee(user, t, tree))
                {
                    throw new KeyNotFoundException();
                }

                if (!TicketAccess.CanWork(user, t, tree))
                {
                    throw new TicketForbiddenException(WhyNot(user, t, tree));
                }

                action(t, timeProvider.GetUtcNow());
            }, cancellationToken);
            return ticket is null ? NotFound(number) : TypedResults.Ok(presenter.Present(ticket, withEvents: true));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(number);
        }
        catch (TicketForbiddenException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权办理该工单", detail: ex.Message);
        }
        catch (TicketTransitionException ex)
        {
            return Conflict(ex.Reason);
        }
        catch (TicketConcurrencyException)
        {
            return Conflict("工单刚刚被他人更新，请刷新后重试。");
        }
    }

    public static ProblemHttpResult NotFound(string number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该工单", detail: $"没有编号为 {ProblemText.Clip(number)} 的工单，或它不在您的管辖范围内。");

    public static ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "当前状态下不能进行此操作", detail: reason);

    private static string WhyNot(StaffUser user, Ticket ticket, OrgTree tree)
    {
        if (!user.CanWorkTickets)
        {
            return "管理员账号只能查看工单，不能办理。";
        }

        var holder = ticket.HolderNodeId is { } id ? tree.FindNode(id) : null;
        return holder is null
            ? "工单尚未分派。"
            : $"工单现由{holder.Name}（{LevelLadder.ChineseName(holder.Level)}级）办理，您可以查看但不能操作。";
    }
}
