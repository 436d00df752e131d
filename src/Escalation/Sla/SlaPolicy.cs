using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// The validated, parsed time limits and supervision settings. Immutable and thread-safe; register as a singleton.
/// </summary>
/// <remarks>
/// <para>
/// Drill mode (<see cref="EscalationOptions.DrillSla"/> set, e.g. 2 s) squeezes the whole supervision trail into a
/// few seconds so a demo or black-box test can watch it: every accept and resolve limit is that clock duration,
/// <see cref="ReportAfter"/> and <see cref="AutoCloseAfter"/> are too, and <see cref="WarningLead"/> is half of it
/// (capped at the configured lead), so the warning lands between receipt and the deadline instead of at receipt.
/// <see cref="ReportAfterWorkingDays"/> keeps the configured number for display. The table is still validated.
/// </para>
/// </remarks>
internal sealed class SlaPolicy
{
    private readonly FrozenDictionary<(UrgencyGrade Grade, OrgLevel Level), SlaLimits> _limits;

    /// <summary>Builds the policy; throws if <paramref name="options"/> would fail startup validation.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the failures name their paths.</exception>
    public SlaPolicy(EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = EscalationOptionsValidator.Check(options.Sla);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{EscalationOptions.SectionName}: {r.ErrorMessage}"));
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EscalationOptions), failures);
        }

        DrillSla = options.DrillSla;
        ReportAfterWorkingDays = options.ReportAfterWorkingDays;
        if (DrillSla is { } drill)
        {
            WarningLead = TimeSpan.FromTicks(Math.Min(drill.Ticks / 2, options.WarningLead.Ticks));
            ReportAfter = SlaDuration.Clock(drill);
            AutoCloseAfter = drill;
        }
        else
        {
            WarningLead = options.WarningLead;
            ReportAfter = SlaDuration.WorkingDays(options.ReportAfterWorkingDays);
            AutoCloseAfter = options.AutoCloseAfter;
        }

        _limits = Parse(options.Sla!, DrillSla);
    }

    /// <summary>Built from the bound, validated <c>Escalation</c> section.</summary>
    public SlaPolicy(IOptions<EscalationOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The drill duration when drill mode is on; otherwise null.</summary>
    public TimeSpan? DrillSla { get; }

    /// <summary>Whether drill mode replaces the real limits.</summary>
    public bool IsDrill => DrillSla is not null;

    /// <summary>Clock time before a deadline at which the warning (预警) goes out.</summary>
    public TimeSpan WarningLead { get; }

    /// <summary>The configured working days from the urge (催办) to the report (通报).</summary>
    public int ReportAfterWorkingDays { get; }

    /// <summary>
    /// From the urge (催办) to the report (通报) if still overdue: <see cref="ReportAfterWorkingDays"/> working
    /// days, or the drill duration in drill mode. Feed it to <see cref="DeadlineCalculator.DueAt"/>.
    /// </summary>
    public SlaDuration ReportAfter { get; }

    /// <summary>Clock time a resolved ticket waits for the citizen's rating before it closes by itself.</summary>
    public TimeSpan AutoCloseAfter { get; }

    /// <summary>The accept and resolve limits of a <paramref name="grade"/> ticket held at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grade or level is not a defined value.</exception>
    public SlaLimits Limits(UrgencyGrade grade, OrgLevel level) =>
        _limits.TryGetValue((grade, level), out var limits)
            ? limits
            : throw new ArgumentOutOfRangeException(nameof(grade), $"No SLA cell for grade {grade} at level {level}.");

    private static FrozenDictionary<(UrgencyGrade, OrgLevel), SlaLimits> Parse(SlaOptions sla, TimeSpan? drill)
    {
        var limits = new Dictionary<(UrgencyGrade, OrgLevel), SlaLimits>();
        foreach (var grade in Enum.GetValues<UrgencyGrade>())
        {
            var levels = SlaOptionsTable.Grade(sla, grade)!;
            foreach (var level in Enum.GetValues<OrgLevel>())
            {
                var cell = SlaOptionsTable.Level(levels, level)!;
                limits[(grade, level)] = drill is { } d
                    ? new SlaLimits(SlaDuration.Clock(d), SlaDuration.Clock(d))
                    : new SlaLimits(ParseValidated(cell.Accept), ParseValidated(cell.Resolve));
            }
        }

        return limits.ToFrozenDictionary();
    }

    private static SlaDuration ParseValidated(string? text) =>
        SlaDurationText.TryParse(text, out var duration)
            ? duration
            : throw new InvalidOperationException("The SLA table changed after validation.");
}
