namespace CitizenBot.Bot.Admin.Entries;

/// <summary>One validation error of an import.</summary>
internal sealed record ImportErrorLine(string File, int Line, string Message);
