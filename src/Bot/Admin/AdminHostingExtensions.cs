using CitizenBot.Knowledge.Mining.Review;

namespace CitizenBot.Bot.Admin;

/// <summary>Registers what the admin endpoints use beyond the knowledge module's own services.</summary>
internal static class AdminHostingExtensions
{
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TopicReview>();
        return builder;
    }
}
