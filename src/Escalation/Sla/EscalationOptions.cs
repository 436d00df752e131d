using System.ComponentModel.DataAnnotations;
using CitizenBot.Escalation.Scheduling;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Configuration section <c>Escalation</c>: where the module's content lives, ticket time limits, the supervision
/// trail (预警 warning → 催办 urge → 通报 report) and the sweeper. Checked at startup by data annotations and <see cref="EscalationOptionsValidator"/>; read it
/// through <see cref="SlaPolicy"/>, which applies drill mode.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>
    /// The folder holding org.yaml, categories.yaml and calendar.yaml. Absolute as given; relative, the first match in
    /// the working directory or one of its parents. Default <c>knowledge-base</c>.
    /// </summary>
    [Required]
    public string ContentDirectory { get; set; } = "knowledge-base";

    /// <summary>The ticket database's file name inside the host's <c>DataDirectory</c>. Default <c>tickets.db</c>.</summary>
    [Required]
    public string DatabaseFileName { get; set; } = "tickets.db";

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

    /// <summary>
    /// Section <c>Escalation:Sweeper</c>. A property here, not a section of its own, because this section is bound
    /// with unknown keys rejected; <see cref="EscalationSweeperOptionsValidator"/> checks it at startup.
    /// </summary>
    public EscalationSweeperOptions Sweeper { get; set; } = new();
}
