namespace CitizenBot.Escalation.Org;

/// <summary>A person on duty at one node of the tree.</summary>
/// <param name="Id">The stable ASCII id, e.g. <c>w-xyz-01-01</c>, or <c>district</c> and <c>admin</c>.</param>
/// <param name="Name">The Chinese display name.</param>
/// <param name="Role">What the person does; it matches the level of <paramref name="NodeId"/>.</param>
/// <param name="NodeId">The node the person is attached to.</param>
/// <param name="SenderId">The chat sender id (e.g. <c>wx-…</c>) that identifies the person in groups; required for grid workers.</param>
/// <param name="Phone">A contact number, stored masked (e.g. <c>138****0101</c>); optional.</param>
internal sealed record OrgPerson(string Id, string Name, OrgRole Role, string NodeId, string? SenderId, string? Phone);
