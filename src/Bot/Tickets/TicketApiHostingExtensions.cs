namespace CitizenBot.Bot.Tickets;

/// <summary>Registers what the ticket endpoints use.</summary>
internal static class TicketApiHostingExtensions
{
    public static WebApplicationBuilder AddTicketApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TicketPresenter>();
        builder.Services.AddSingleton<TicketWork>();
        return builder;
    }
}
