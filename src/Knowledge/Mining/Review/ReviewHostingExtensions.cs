using CitizenBot.Knowledge.Mining.QuestionLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>Registers online mining, the review queue and the mining schedule.</summary>
public static class ReviewHostingExtensions
{
    /// <summary>
    /// Binds and validates <see cref="MiningServiceOptions"/> (section <c>Mining</c>) and registers
    /// <see cref="MiningService"/>, its <see cref="ReviewStore"/> (<c>review.db</c> in the host's data directory, which
    /// <see cref="KnowledgeBase"/> then reads the learned vocabulary from) and the scheduler. Call after
    /// <c>AddKnowledge</c>, and before a CLI command runs, so that commands index with the same lexicon as the service.
    /// </summary>
    public static IHostApplicationBuilder AddMiningReview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MiningServiceOptions>()
            .BindConfiguration(MiningServiceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MiningServiceOptions>>().Value;
            return new ReviewStore(Path.Combine(DataDirectory.Of(builder.Configuration), options.DatabaseFileName));
        });
        builder.Services.AddSingleton(sp => new MiningService(
            sp.GetRequiredService<KnowledgeBase>(),
            sp.GetRequiredService<QuestionLogStore>(),
            sp.GetRequiredService<ReviewStore>(),
            sp.GetRequiredService<IOptions<MiningServiceOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MiningService>>()));
        builder.Services.AddHostedService<MiningScheduler>();
        return builder;
    }
}
