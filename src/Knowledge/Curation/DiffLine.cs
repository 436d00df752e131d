namespace CitizenBot.Knowledge.Curation;

/// <summary>One line of an <see cref="EntryDiff"/>, without its line break.</summary>
public sealed record DiffLine(DiffKind Kind, string Text);
