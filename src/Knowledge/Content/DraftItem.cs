namespace CitizenBot.Knowledge.Content;

/// <summary>One list item as read from a file, before validation; <see cref="Value"/> is null for an explicit null.</summary>
internal readonly record struct DraftItem(string? Value, int Line);
