using System.ComponentModel.DataAnnotations;

namespace CitizenBot.Escalation.Scheduling;

/// <summary>Configuration section <c>Escalation:Sweeper</c>: how often and how much <see cref="EscalationSweeper"/> sweeps.</summary>
public sealed class EscalationSweeperOptions
{
    public const string SectionName = "Escalation:Sweeper";

    /// <summary>Time between sweeps (100 ms to 5 minutes). Default 1 second, so drill-mode deadlines of a few seconds fire on time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Due tickets read per query (1–1000). Default 100.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Tickets handled in one sweep at most (1–100000), counting a ticket again each time it comes due again within
    /// the sweep. Default 10000; the rest waits for the next tick, so one backlog cannot hold the sweeper forever.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxTicketsPerTick { get; set; } = 10_000;
}
