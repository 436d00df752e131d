using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Sla;

/// <summary>Registers the <c>Escalation</c> options and <see cref="SlaPolicy"/>; meant to be called from <c>AddEscalation</c>.</summary>
internal static class SlaPolicyRegistration
{
    /// <summary>
    /// Binds <see cref="EscalationOptions"/> from the <c>Escalation</c> section, validates it at startup (data
    /// annotations plus <see cref="EscalationOptionsValidator"/>) and registers <see cref="SlaPolicy"/> as a singleton.
    /// Unknown keys, such as a misspelt <c>Resovle</c>, fail binding instead of being ignored.
    /// </summary>
    public static IServiceCollection AddSlaPolicy(this IServiceCollection services)
    {
        services.AddOptions<EscalationOptions>()
            .BindConfiguration(EscalationOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>());
        services.TryAddSingleton<SlaPolicy>();
        return services;
    }
}
