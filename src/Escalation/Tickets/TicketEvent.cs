using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>One entry in a ticket's append-only history.</summary>
/// <param name="Type">What happened.</param>
/// <param name="At">When, in UTC.</param>
/// <param name="Actor">A person id, or <see cref="TicketActors.System"/> / <see cref="TicketActors.Resident"/>.</param>
/// <param name="Note">Free text: a staff note, the reply sent, the resolution, or the reason for an escalation.</param>
/// <param name="FromLevel">The level the ticket left, for moves between levels.</param>
/// <param name="ToLevel">The level the ticket arrived at, for assignments and moves between levels.</param>
/// <param name="Data">Small structured details such as node, department and rating ids; keys are ASCII.</param>
internal sealed record TicketEvent(
    TicketEventType Type,
    DateTimeOffset At,
    string Actor,
    string? Note = null,
    OrgLevel? FromLevel = null,
    OrgLevel? ToLevel = null,
    IReadOnlyDictionary<string, string>? Data = null);
