using CitizenBot.Escalation.Scheduling;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation;

/// <summary>Registers the escalation module.</summary>
public static class EscalationHostingExtensions
{
    /// <summary>
    /// Binds and validates <see cref="EscalationOptions"/> (section <c>Escalation</c>, sweeper included) at start-up and
    /// registers the module's front door, whose ticket database lives in the host's <c>DataDirectory</c> (default
    /// <c>./data</c>), and the SLA sweeper as a hosted service.
    /// </summary>
    /// <remarks>
    /// The host must initialize the module before it starts: the sweeper is built when the host starts and takes the
    /// store and calendar the module loaded. A command-line run that never starts the host never sweeps.
    /// </remarks>
    public static IHostApplicationBuilder AddEscalation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSlaPolicy();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationSweeperOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EscalationOptions>>().Value;
            var dataDirectory = builder.Configuration["DataDirectory"] is { Length: > 0 } configured ? configured : "data";
            return EscalationPaths.Resolve(options.ContentDirectory, dataDirectory, options.DatabaseFileName);
        });
        services.AddSingleton<TicketChangeFeed>();
        services.AddSingleton<EscalationModule>();
        services.AddSingleton<IOptions<EscalationSweeperOptions>>(sp =>
            Options.Create(sp.GetRequiredService<IOptions<EscalationOptions>>().Value.Sweeper));
        services.AddHostedService(sp =>
        {
            var module = sp.GetRequiredService<EscalationModule>();
            return ActivatorUtilities.CreateInstance<EscalationSweeper>(sp, module.TicketStore, module.Calendar);
        });
        return builder;
    }
}
