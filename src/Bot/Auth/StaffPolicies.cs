using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using Microsoft.AspNetCore.Authorization;

namespace CitizenBot.Bot.Auth;

/// <summary>The authorization policies of the API.</summary>
internal static class StaffPolicies
{
    /// <summary>A valid token of a person who is still in org.yaml.</summary>
    public const string Staff = "staff";

    /// <summary>A valid token of an admin.</summary>
    public const string Admin = "admin";

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Resolve(context) is not null))
        .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Resolve(context)?.Role == OrgRole.Admin));

    // The token names a person; whether that person still exists (and in which role) is org.yaml's call, now.
    private static StaffUser? Resolve(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http
            ? StaffUser.FromPrincipal(context.User, http.RequestServices.GetRequiredService<EscalationModule>().OrgTree)
            : null;
}
