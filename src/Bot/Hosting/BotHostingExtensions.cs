using System.Text.Json.Serialization;
using CitizenBot.Knowledge;

namespace CitizenBot.Bot.Hosting;

/// <summary>Host-wide set-up shared by the web service and the command line.</summary>
internal static class BotHostingExtensions
{
    /// <summary>The default address when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    private const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddBotDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
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
        app.MapOpenApi();
        return app;
    }

    /// <summary>Opens the knowledge index (importing the content folder on first start) before requests are served.</summary>
    public static async Task InitializeKnowledgeAsync(this WebApplication app)
    {
        var knowledge = app.Services.GetRequiredService<KnowledgeBase>();
        await knowledge.InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}
