using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;

namespace CitizenBot.Knowledge;

/// <summary>The outcome of an import: what was read (with every error), and what was written when valid.</summary>
/// <remarks><c>Summary</c> is null when validation failed and nothing was written.</remarks>
public sealed record ImportReport(ContentLoadResult Content, ImportSummary? Summary);
