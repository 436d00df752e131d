using CitizenBot.Knowledge.Curation;
using CitizenBot.Knowledge.Mining.QuestionLog;
using CitizenBot.Knowledge.Mining.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge;

/// <summary>Registers the knowledge module.</summary>
public static class KnowledgeHostingExtensions
{
    /// <summary>
    /// Binds and validates <see cref="KnowledgeOptions"/> and registers <see cref="KnowledgeBase"/>, whose database
    /// lives in the host's <c>DataDirectory</c> (default <c>./data</c>).
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Retrieval.ClarifyThreshold <= o.Retrieval.AnswerThreshold, "Knowledge:Retrieval:ClarifyThreshold must not exceed AnswerThreshold.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KnowledgeOptions>, NestedKnowledgeOptionsValidator>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var dataDirectory = DataDirectory.Of(builder.Configuration);
            return KnowledgePaths.Resolve(options.ContentDirectory, dataDirectory, options.DatabaseFileName);
        });
        builder.Services.AddSingleton<KnowledgeBase>();
        builder.Services.AddSingleton<EntryCurator>();
        builder.AddQuestionLog();
        // With the review store registered, every command and the service index with the same learned lexicon.
        builder.AddMiningReview();
        return builder;
    }
}
