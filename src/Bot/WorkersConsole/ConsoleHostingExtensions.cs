using Microsoft.AspNetCore.Rewrite;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CitizenBot.Bot.WorkersConsole;

/// <summary>
/// Serves the grid workers' console, a static page in <c>wwwroot/console</c>, at <c>/console/</c>. The page signs in
/// with <c>/api/auth/token</c> and works through the public API like any other client, so the host only serves files.
/// </summary>
internal static class ConsoleHostingExtensions
{
    public const string Path = "/console";

    // Everything the page loads comes from this host; attachments open in a new tab as plain links.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication UseWorkersConsole(this WebApplication app)
    {
        // Relative links in index.html (console.css, console.js) resolve against the folder only with the slash. Not
        // an endpoint: routing ignores a trailing slash, so a mapped /console would also catch /console/ and loop.
        app.UseRewriter(new RewriteOptions().AddRedirect("^console$", "console/"));
        // WebRootPath is null when the folder is missing from the app folder; say which folder, not a bare null.
        var webRoot = app.Environment.WebRootPath ?? System.IO.Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        var folder = System.IO.Path.Combine(webRoot, "console");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The workers' console files are missing: expected {folder}.");
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Revalidate every time: an updated console must not run against a stale module from the cache.
                headers.CacheControl = "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }
}
