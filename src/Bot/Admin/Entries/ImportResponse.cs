namespace CitizenBot.Bot.Admin.Entries;

/// <summary>What an accepted import changed.</summary>
internal sealed record ImportResponse(int Added, int Updated, int Unchanged);
