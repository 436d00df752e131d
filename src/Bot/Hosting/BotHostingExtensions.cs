using System.Text.Json.Serialization;
using CitizenBot.Escalation;
using CitizenBot.Knowledge;

namespace CitizenBot.Bot.Hosting;

/// <summary>Host-wide set-up shared by the web service and the command line.</summary>
internal static class BotHostingExtensions
{
    /// <summary>The default address when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    private const string DefaultUrl = "http://127.0.0.1:5080";

    private const int MaxRequestLineBytes = 960 * 1024;

    public static WebApplicationBuilder AddBotDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(o =>
        {
            // Questions travel in the query string. Kestrel's 8 KB request line would answer an oversized one with a
            // bare 414; letting up to 100 KB of Chinese text (≈ 900 KB percent-encoded) through means the endpoint
            // can refuse it with a message that says why. The header total must stay under the 1 MB request buffer.
            o.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            o.Limits.MaxRequestHeadersTotalSize = MaxRequestLineBytes + (32 * 1024);
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures become exceptions in every environment, so BadRequestExceptionHandler can explain them.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        return builder;
    }

    public static WebApplication UseBotDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        return app;
    }

    /// <summary>Opens the knowledge index (importing the content folder on first start) before requests are served.</summary>
    public static async Task InitializeKnowledgeAsync(this WebApplication app)
    {
        var knowledge = app.Services.GetRequiredService<KnowledgeBase>();
        await knowledge.InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// Loads the org tree, categories and calendar and opens the ticket database before requests are served and
    /// before the SLA sweeper starts.
    /// </summary>
    public static async Task InitializeEscalationAsync(this WebApplication app)
    {
        var escalation = app.Services.GetRequiredService<EscalationModule>();
        await escalation.InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}
