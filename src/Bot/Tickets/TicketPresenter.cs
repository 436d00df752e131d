using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Tickets;

/// <summary>Turns a <see cref="Ticket"/> into its <see cref="TicketResponse"/>, with names from org.yaml and categories.yaml.</summary>
internal sealed class TicketPresenter(EscalationModule escalation, SlaPolicy policy, TimeProvider timeProvider)
{
    public TicketResponse Present(Ticket ticket, bool withEvents)
    {
        var tree = escalation.OrgTree;
        var catalog = escalation.CategoryCatalog;
        var deadline = TicketDeadlines.Current(ticket, policy, escalation.Calendar);
        var item = catalog.TryGetItem(ticket.CategoryItemId, out var found) ? found : null;
        var group = item is null ? null : catalog.GetGroupOf(item.Id);
        var grid = ticket.Location.GridNodeId is { } gridId ? tree.FindNode(gridId) : null;
        var holder = ticket.HolderNodeId is { } holderId ? tree.FindNode(holderId) : null;
        return new TicketResponse(
            ticket.Number.ToString(),
            ticket.Status,
            ticket.Level,
            ticket.Supervised,
            deadline?.DueAt,
            deadline?.Kind switch
            {
                TicketDeadlineKind.AcceptOverdue => TicketDeadlinePhase.Accept,
                TicketDeadlineKind.ResolveOverdue => TicketDeadlinePhase.Resolve,
                TicketDeadlineKind.AutoClose => TicketDeadlinePhase.AutoClose,
                _ => null,
            },
            deadline is { Kind: not TicketDeadlineKind.AutoClose, DueAt: var dueAt } && dueAt <= timeProvider.GetUtcNow(),
            new TicketCategoryResponse(ticket.CategoryItemId, item?.Name ?? ticket.CategoryItemId, group?.Id ?? "", group?.Name ?? ""),
            ticket.Urgency,
            ticket.Description,
            new TicketLocationResponse(grid?.Id ?? ticket.Location.GridNodeId, grid?.Name, grid is null ? null : tree.Parent(grid.Id)?.Name, ticket.Location.Address),
            new TicketReporterResponse(ticket.Reporter.ChannelUserId, ticket.Reporter.MaskedPhone),
            ticket.Attachments,
            holder is null ? null : new TicketHolderResponse(holder.Id, holder.Name, holder.Level, [.. tree.PeopleAt(holder.Id).Where(p => p.Role != OrgRole.Admin).Select(p => p.Name)]),
            ticket.SubmittedAt,
            ticket.HeldSince,
            ticket.LastTransitionAt,
            ticket.ResolvedAt,
            ticket.ClosedAt,
            ticket.Version,
            withEvents ? [.. ticket.Events.Select(e => Present(e, tree))] : null);
    }

    private static TicketEventResponse Present(TicketEvent e, OrgTree tree) => new(
        e.Type,
        e.At,
        e.Actor,
        e.Actor switch
        {
            TicketActors.System => "系统",
            TicketActors.Resident => "居民",
            _ => tree.FindPerson(e.Actor)?.Name ?? e.Actor,
        },
        e.Note,
        e.FromLevel,
        e.ToLevel,
        e.Data);
}
