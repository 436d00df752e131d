namespace CitizenBot.Bot.Admin.Entries;

/// <summary>A line diff of two revisions, each rendered as its knowledge-base <c>.md</c> file.</summary>
internal sealed record DiffResponse(int From, int To, IReadOnlyList<DiffLineResponse> Lines);
