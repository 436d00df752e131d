using System.ComponentModel.DataAnnotations;
using CitizenBot.Escalation.Sla;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Scheduling;

/// <summary>
/// Checks the data annotations of <see cref="EscalationOptions.Sweeper"/>, which <c>ValidateDataAnnotations</c> does
/// not descend into; each failure is prefixed with <c>Escalation:Sweeper</c>.
/// </summary>
internal sealed class EscalationSweeperOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sweeper is not { } sweeper)
        {
            return ValidateOptionsResult.Fail($"{EscalationSweeperOptions.SectionName}: missing");
        }

        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(sweeper, new ValidationContext(sweeper), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => $"{EscalationSweeperOptions.SectionName}: {r.ErrorMessage}"));
    }
}
