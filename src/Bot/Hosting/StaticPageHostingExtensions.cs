using Microsoft.AspNetCore.Rewrite;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CitizenBot.Bot.Hosting;

/// <summary>
/// Serves one static page, a folder of <c>wwwroot</c>, at <c>/{folder}/</c> under a strict content security policy.
/// The pages (the workers' console, the residents' web chat) work through the public API like any other client, so
/// the host only serves their files.
/// </summary>
internal static class StaticPageHostingExtensions
{
    // Everything a page loads comes from this host: no inline scripts or styles, no CDN, no framing.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <param name="app">The application.</param>
    /// <param name="folder">The folder under <c>wwwroot</c> and the request path, e.g. <c>console</c>.</param>
    /// <param name="description">What the page is, for the start-up error when its files are missing.</param>
    /// <exception cref="DirectoryNotFoundException">The folder is missing from the app folder.</exception>
    public static WebApplication UseStaticPage(this WebApplication app, string folder, string description)
    {
        // Relative links in index.html resolve against the folder only with the slash. Not an endpoint: routing
        // ignores a trailing slash, so a mapped /{folder} would also catch /{folder}/ and loop.
        app.UseRewriter(new RewriteOptions().AddRedirect($"^{folder}$", $"{folder}/"));
        // WebRootPath is null when the folder is missing from the app folder; say which folder, not a bare null.
        var webRoot = app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        var path = Path.Combine(webRoot, folder);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The {description} files are missing: expected {path}.");
        }

        var files = new PhysicalFileProvider(path);
        var requestPath = "/" + folder;
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = requestPath, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = requestPath,
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Revalidate every time: an updated page must not run against a stale module from the cache.
                headers.CacheControl = "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }
}
