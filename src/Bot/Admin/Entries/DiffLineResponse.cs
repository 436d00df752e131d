namespace CitizenBot.Bot.Admin.Entries;

/// <summary>One line of a diff; <c>Kind</c> is <c>same</c>, <c>added</c> or <c>removed</c>.</summary>
internal sealed record DiffLineResponse(string Kind, string Text);
