using CitizenBot.Knowledge.Content;

namespace CitizenBot.Bot.Admin.Entries;

/// <summary>One version of an entry: who made it, how (<c>created</c>, <c>edited</c>, <c>published</c>…) and when.</summary>
internal sealed record RevisionResponse(int Revision, DateTimeOffset At, string Author, string Action, EntryStatus Status, string Title);
