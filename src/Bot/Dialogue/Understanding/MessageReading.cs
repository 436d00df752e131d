using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>What <see cref="MessageReader"/> made of one message. All parts are independent readings of the same text.</summary>
/// <param name="Intent">What the message is; <see cref="MessageIntent.Unknown"/> for a choice pick.</param>
/// <param name="Emergency">Set whenever the text describes a danger to life, whatever the intent.</param>
/// <param name="ChoiceNumber">1–9 when the whole message picks a numbered choice ("2", "第二个", "②", "选2", "2号").</param>
/// <param name="TicketNumber">A canonical ticket number found anywhere in the text, upper case.</param>
/// <param name="Rating">
/// Set when the message (or its first clause, as in "不满意，还是漏水") is a rating; the engine uses it only while a
/// ticket awaits one.
/// </param>
internal sealed record MessageReading(
    MessageIntent Intent,
    EmergencyKind? Emergency,
    int? ChoiceNumber,
    string? TicketNumber,
    Rating? Rating);
