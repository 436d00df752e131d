using CitizenBot.Bot.Channels;

namespace CitizenBot.Bot.Tickets;

/// <summary>Registers what the ticket endpoints use.</summary>
internal static class TicketApiHostingExtensions
{
    public static WebApplicationBuilder AddTicketApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TicketPresenter>();
        builder.Services.AddSingleton<TicketWork>();
        builder.Services.AddSingleton<ResidentOutbox>();
        builder.Services.AddSingleton<IOutboundPort>(sp => sp.GetRequiredService<ResidentOutbox>());
        return builder;
    }
}
