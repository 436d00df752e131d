using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>Registers the question log (opened by the host before it serves) and its retention pruner.</summary>
internal static class QuestionLogHostingExtensions
{
    public static IHostApplicationBuilder AddQuestionLog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionLogOptions>()
            .BindConfiguration(QuestionLogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<QuestionLogOptions>>().Value;
            var dataDirectory = DataDirectory.Of(builder.Configuration);
            var logger = sp.GetRequiredService<ILogger<QuestionLogStore>>();
            var keys = ResidentKeys.Load(
                options.ResidentKeySecret,
                Path.Combine(dataDirectory, Path.ChangeExtension(options.DatabaseFileName, ".key")),
                path => QuestionLogLog.SecretCreated(logger, path));
            return new QuestionLogStore(Path.Combine(dataDirectory, options.DatabaseFileName), keys, options.FollowUpWindow, logger);
        });
        builder.Services.AddHostedService<QuestionLogPruner>();
        return builder;
    }
}
