using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Notifications;

/// <summary>A message to one member of staff about a ticket that now needs them.</summary>
/// <param name="PersonId">The org.yaml person it is for.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="Event">What happened: assigned, escalated, secondWhistle, warned, urged, reported or supervised.</param>
/// <param name="Text">The message, in Chinese, without the resident's personal data.</param>
/// <param name="At">When the change happened (UTC).</param>
internal sealed record StaffNotice(string PersonId, string TicketNumber, TicketEventType Event, string Text, DateTimeOffset At);
