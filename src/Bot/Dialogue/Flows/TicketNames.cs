using CitizenBot.Escalation;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>A ticket's names as residents read them, from org.yaml and categories.yaml.</summary>
internal static class TicketNames
{
    /// <summary>The unit holding the ticket now (子牙社区第1网格, 西于庄街道…), or null when none does.</summary>
    public static string? HolderOf(Ticket ticket, EscalationModule escalation) =>
        ticket.HolderNodeId is { } id ? escalation.OrgTree.FindNode(id)?.Name : null;

    /// <summary>The category item's name, or its id when categories.yaml no longer has it.</summary>
    public static string CategoryOf(Ticket ticket, EscalationModule escalation) =>
        escalation.CategoryCatalog.TryGetItem(ticket.CategoryItemId, out var item) ? item.Name : ticket.CategoryItemId;
}
