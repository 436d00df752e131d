namespace CitizenBot.Knowledge.Mining;

/// <summary>One resident message to mine.</summary>
/// <param name="Id">The caller's id for the message (reported back in a topic's message ids).</param>
/// <param name="At">When it was sent; the windows are measured on these times, never on the wall clock.</param>
/// <param name="Text">The text, already stripped of personal data (phone and ID numbers, names) by the caller.</param>
public sealed record MinedMessage(string Id, DateTimeOffset At, string Text);
