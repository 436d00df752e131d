using System.ComponentModel.DataAnnotations;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Configuration section <c>Escalation</c>: ticket time limits and the supervision trail (预警 warning → 催办 urge →
/// 通报 report). Checked at startup by data annotations and <see cref="EscalationOptionsValidator"/>; read it
/// through <see cref="SlaPolicy"/>, which applies drill mode.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>
    /// Drill mode for demos and black-box tests: when set (1 second to 1 hour, e.g. <c>00:00:02</c>), every time
    /// limit becomes this clock duration; see <see cref="SlaPolicy"/> for exactly what changes. Null (the default,
    /// or an empty value) means real limits.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan? DrillSla { get; set; }

    /// <summary>How long before a deadline the warning (预警) goes out, in clock time (0 to 7 days). Default 2 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan WarningLead { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Working days a ticket may stay overdue after the urge (催办) before it is reported (通报), 1–30. Default 2.
    /// </summary>
    [Range(1, 30)]
    public int ReportAfterWorkingDays { get; set; } = 2;

    /// <summary>
    /// How long a resolved ticket waits for the citizen's rating before it closes by itself, in clock time
    /// (1 hour to 90 days). Default 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The time-limit table by urgency grade and holding level; see <see cref="SlaOptions"/> for the defaults.</summary>
    public SlaOptions? Sla { get; set; } = new();
}
