namespace CitizenBot.Bot.Tickets;

/// <summary>The body of <c>POST /api/tickets/{number}/dispatch</c> (街道吹哨、部门报到).</summary>
/// <param name="DepartmentId">An org.yaml department the holding street can dispatch to.</param>
/// <param name="Note">What the department is asked to do.</param>
internal sealed record DispatchRequest(string? DepartmentId, string? Note);
