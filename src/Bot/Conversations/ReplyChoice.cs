namespace CitizenBot.Bot.Conversations;

/// <summary>A button under a bot message.</summary>
/// <param name="Label">What the button shows.</param>
/// <param name="Reply">The text the resident sends by tapping it (typing it works the same).</param>
internal sealed record ReplyChoice(string Label, string Reply);
