namespace CitizenBot.Escalation.Tickets;

/// <summary>Where the problem is.</summary>
/// <param name="GridNodeId">The base grid, when known at submission (e.g. from the resident's chat group); filled in on assignment otherwise.</param>
/// <param name="Address">The address as given by the resident; may be empty when only the grid is known.</param>
internal sealed record TicketLocation(string? GridNodeId, string Address);
