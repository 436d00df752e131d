namespace CitizenBot.Bot.Notifications;

/// <summary>Registers staff notifications.</summary>
internal static class NotificationHostingExtensions
{
    public static WebApplicationBuilder AddStaffNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StaffInbox>();
        builder.Services.AddSingleton<IStaffNotifier>(sp => sp.GetRequiredService<StaffInbox>());
        builder.Services.AddHostedService<HolderNotificationService>();
        return builder;
    }
}
