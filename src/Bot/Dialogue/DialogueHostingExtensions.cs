using CitizenBot.Bot.Channels;
using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Flows;
using CitizenBot.Bot.Dialogue.Recording;
using CitizenBot.Bot.Dialogue.Storage;
using CitizenBot.Bot.Messaging;
using CitizenBot.Knowledge.Mining.QuestionLog;

namespace CitizenBot.Bot.Dialogue;

/// <summary>Registers the dialogue engine, its flows and store, the conversation streams and the outbound port.</summary>
internal static class DialogueHostingExtensions
{
    public static WebApplicationBuilder AddDialogue(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChatOptions>()
            .BindConfiguration(ChatOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<DialogueDatabase>();
        services.AddSingleton<IDialogueStore>(sp => sp.GetRequiredService<DialogueDatabase>().Store);
        services.AddSingleton<KeyedGate<string>>();
        services.AddSingleton<ConversationFeed>();
        services.AddSingleton<ChatDelivery>();
        services.AddSingleton<ResidentOutbox>();
        services.AddSingleton<IOutboundPort, ChatOutboundPort>();
        services.AddSingleton<ChatGateway>();
        services.AddSingleton<Channels.Http.ConversationStream>();

        services.AddSingleton<QuestionRecorder>();
        services.AddSingleton<DialogueForms>();
        services.AddSingleton<QuestionFlow>();
        services.AddSingleton<ComplaintFlow>();
        services.AddSingleton<ProgressFlow>();
        services.AddSingleton<HandoffFlow>();
        services.AddSingleton<RatingFlow>();
        services.AddSingleton<DialogueEngine>();

        services.AddHostedService<TicketDialogueReactions>();
        services.AddHostedService<DialogueExpirySweeper>();
        return builder;
    }

    /// <summary>Opens the dialogue store and the question log the flows record into.</summary>
    public static async Task InitializeDialogueAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DialogueDatabase>().InitializeAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<QuestionLogStore>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}
