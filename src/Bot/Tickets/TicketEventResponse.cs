using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Tickets;

/// <summary>One entry of a ticket's history.</summary>
/// <param name="Type">submitted, assigned, accepted, escalated, warned, urged, reported, supervised, …</param>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">A person id, <c>system</c> or <c>resident</c>.</param>
/// <param name="ActorName">The actor's display name (系统 / 居民 for the two non-persons).</param>
/// <param name="Note">The note, reply, resolution or reason.</param>
/// <param name="FromLevel">The level the ticket left, for moves between levels.</param>
/// <param name="ToLevel">The level it arrived at.</param>
/// <param name="Data">Structured details: node ids, department, rating.</param>
internal sealed record TicketEventResponse(
    TicketEventType Type,
    DateTimeOffset At,
    string Actor,
    string ActorName,
    string? Note,
    OrgLevel? FromLevel,
    OrgLevel? ToLevel,
    IReadOnlyDictionary<string, string>? Data);
