using System.ComponentModel.DataAnnotations;

namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>Configuration section <c>Mining</c>: the online mining service, its schedule and its review database.</summary>
public sealed class MiningServiceOptions
{
    public const string SectionName = "Mining";

    /// <summary>Length in days of the recent window (and of the previous one it is compared with), ending at the run.</summary>
    [Range(1, 365)]
    public int RecentDays { get; set; } = 30;

    /// <summary>How often the scheduler mines; the first scheduled run comes one period after start.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "31.00:00:00")]
    public TimeSpan SchedulePeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>False: mining runs only on demand.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>The review database (reports, decisions, learned words) inside the host's data directory.</summary>
    [Required]
    [RegularExpression(@"^[\w.-]+$")]
    public string DatabaseFileName { get; set; } = "review.db";

    /// <summary>The miners' thresholds (<c>Mining:Thresholds</c>); the defaults suit most streams.</summary>
    public MiningOptions Thresholds { get; set; } = new();
}
