namespace CitizenBot.Knowledge.Evaluation;

/// <summary>One labelled message: the entry that answers it, or null when the bot should abstain.</summary>
public sealed record EvalQuestion(string Id, string Text, string? Expected);
