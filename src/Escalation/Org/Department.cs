namespace CitizenBot.Escalation.Org;

/// <summary>A functional department a street can dispatch a ticket to (城管, 住建, 市场监管…).</summary>
/// <param name="Id">The stable ASCII id, e.g. <c>chengguan</c>.</param>
/// <param name="Name">The Chinese name residents and staff see.</param>
internal sealed record Department(string Id, string Name);
