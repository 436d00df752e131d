using System.Security.Claims;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;

namespace CitizenBot.Bot.Auth;

/// <summary>
/// A signed-in member of staff, as the API sees them: who, in what role, at which node of the tree. Built from
/// org.yaml on every request (the token carries only the person id), so a person moved or removed there loses the
/// old scope at once.
/// </summary>
internal sealed record StaffUser(string PersonId, string Name, OrgRole Role, string NodeId, OrgLevel Level)
{
    public const string PersonIdClaim = "sub";

    /// <summary>Admins curate content; they may read every ticket but do not work them.</summary>
    public bool CanWorkTickets => Role != OrgRole.Admin;

    public static StaffUser From(OrgPerson person, OrgTree tree) =>
        new(person.Id, person.Name, person.Role, person.NodeId, tree.LevelOf(person.NodeId));

    /// <summary>The principal a token is issued for; the person id is the only claim trusted later.</summary>
    public ClaimsPrincipal ToPrincipal(string authenticationType) =>
        new(new ClaimsIdentity([new Claim(PersonIdClaim, PersonId), new Claim(ClaimTypes.Role, Role.ToString())], authenticationType, PersonIdClaim, ClaimTypes.Role));

    /// <summary>
    /// Minimal APIs bind a <see cref="StaffUser"/> parameter through this; the endpoint's <see cref="StaffPolicies.Staff"/>
    /// policy has already checked that there is one.
    /// </summary>
    public static ValueTask<StaffUser?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(FromPrincipal(context.User, context.RequestServices.GetRequiredService<EscalationModule>().OrgTree));

    /// <summary>The person behind <paramref name="principal"/>, or null when unauthenticated or no longer in org.yaml.</summary>
    public static StaffUser? FromPrincipal(ClaimsPrincipal principal, OrgTree tree) =>
        principal.Identity?.IsAuthenticated == true
        && principal.FindFirst(PersonIdClaim)?.Value is { } id
        && tree.FindPerson(id) is { } person
            ? From(person, tree)
            : null;
}
