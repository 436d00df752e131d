using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Checks the SLA table, which data annotations cannot: every grade × level cell present after configuration is
/// bound onto the defaults, every value a duration, and accept no longer than resolve when both use the same
/// measure. Reports every problem at once, each prefixed with its configuration path. The annotated scalars
/// (<see cref="EscalationOptions.DrillSla"/> and the rest) are left to <c>ValidateDataAnnotations</c>.
/// </summary>
internal sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options.Sla);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem in <paramref name="sla"/>, in table order; empty when it is usable.</summary>
    public static List<string> Check(SlaOptions? sla)
    {
        var failures = new List<string>();
        if (sla is null)
        {
            failures.Add($"{SlaOptionsTable.Path}: the table is missing");
            return failures;
        }

        foreach (var grade in Enum.GetValues<UrgencyGrade>())
        {
            if (SlaOptionsTable.Grade(sla, grade) is not { } levels)
            {
                failures.Add($"{SlaOptionsTable.Path}:{grade}: missing");
                continue;
            }

            foreach (var level in Enum.GetValues<OrgLevel>())
            {
                CheckCell(SlaOptionsTable.Level(levels, level), SlaOptionsTable.CellPath(grade, level), failures);
            }
        }

        return failures;
    }

    private static void CheckCell(SlaOptionsLimit? cell, string path, List<string> failures)
    {
        if (cell is null)
        {
            failures.Add($"{path}: missing");
            return;
        }

        var accept = CheckValue(cell.Accept, $"{path}:{nameof(SlaOptionsLimit.Accept)}", failures);
        var resolve = CheckValue(cell.Resolve, $"{path}:{nameof(SlaOptionsLimit.Resolve)}", failures);
        if (accept is { } a && resolve is { } r && a.Kind == r.Kind
            && (a.ClockTime > r.ClockTime || a.WorkingDayCount > r.WorkingDayCount))
        {
            failures.Add($"{path}: Accept ({a}) is longer than Resolve ({r})");
        }
    }

    private static SlaDuration? CheckValue(string? text, string path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            failures.Add($"{path}: missing ({SlaDurationText.Hint})");
            return null;
        }

        if (!SlaDurationText.TryParse(text, out var duration))
        {
            failures.Add($"{path}: '{text}' is not a duration ({SlaDurationText.Hint})");
            return null;
        }

        return duration;
    }
}
