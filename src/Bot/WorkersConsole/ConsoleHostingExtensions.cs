using CitizenBot.Bot.Hosting;

namespace CitizenBot.Bot.WorkersConsole;

/// <summary>
/// Serves the grid workers' console, a static page in <c>wwwroot/console</c>, at <c>/console/</c>. The page signs in
/// with <c>/api/auth/token</c> and works through the public API like any other client, so the host only serves files.
/// </summary>
internal static class ConsoleHostingExtensions
{
    public const string Path = "/console";

    public static WebApplication UseWorkersConsole(this WebApplication app) => app.UseStaticPage("console", "workers' console");
}
