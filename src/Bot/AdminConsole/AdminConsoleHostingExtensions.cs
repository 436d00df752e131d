using CitizenBot.Bot.Hosting;

namespace CitizenBot.Bot.AdminConsole;

/// <summary>
/// Serves the admins' curation console, a static page in <c>wwwroot/admin</c>, at <c>/admin/</c>. The page signs in
/// with <c>/api/auth/token</c> and works through <c>/api/admin/…</c>, which alone enforces the admin role; the host
/// only serves files.
/// </summary>
internal static class AdminConsoleHostingExtensions
{
    public static WebApplication UseAdminConsole(this WebApplication app) => app.UseStaticPage("admin", "admins' console");
}
