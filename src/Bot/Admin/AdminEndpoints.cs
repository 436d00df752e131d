using CitizenBot.Bot.Admin.Entries;
using CitizenBot.Bot.Admin.Mining;
using CitizenBot.Bot.Admin.Quality;
using CitizenBot.Bot.Auth;

namespace CitizenBot.Bot.Admin;

/// <summary>
/// The admins' API, <c>/api/admin</c>: curating entries, the mining review queue and the quality view. Every route
/// needs an admin's token; the role is checked here, in the API, whatever the console shows.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(StaffPolicies.Admin);
        admin.MapGroup("").WithTags("Admin: entries").MapAdminEntryEndpoints();
        admin.MapGroup("/mining").WithTags("Admin: mining").MapAdminMiningEndpoints();
        admin.MapGroup("/quality").WithTags("Admin: quality").MapAdminQualityEndpoints();
        return app;
    }
}
