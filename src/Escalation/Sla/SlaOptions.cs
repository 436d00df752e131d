namespace CitizenBot.Escalation.Sla;

/// <summary>
/// The SLA table, configuration section <c>Escalation:Sla</c>: urgency grade → holding level → accept/resolve limits.
/// Configuration binds onto these defaults cell by cell, so appsettings.json lists only what it changes:
/// <code>
/// "Sla": { "Blue": { "Grid": { "Accept": "4h", "Resolve": "3wd" } } }
/// </code>
/// </summary>
/// <remarks>
/// Defaults: red 30m/2h at the grid, tighter further up (community 20m/90m, street 15m/1h); yellow 2h/24h at the
/// grid (community 90m/18h, street 1h/12h); blue 1wd/3wd at the grid (community and street 1wd/2wd). The district
/// seat works around the clock and has 24h/24h clock time for every grade.
/// </remarks>
public sealed class SlaOptions
{
    /// <summary>红: danger to life or property.</summary>
    public SlaOptionsGrade? Red { get; set; } = new(
        grid: new("30m", "2h"),
        community: new("20m", "90m"),
        street: new("15m", "1h"),
        district: new("24h", "24h"));

    /// <summary>黄: disrupts daily life.</summary>
    public SlaOptionsGrade? Yellow { get; set; } = new(
        grid: new("2h", "24h"),
        community: new("90m", "18h"),
        street: new("1h", "12h"),
        district: new("24h", "24h"));

    /// <summary>蓝: can wait for routine handling.</summary>
    public SlaOptionsGrade? Blue { get; set; } = new(
        grid: new("1wd", "3wd"),
        community: new("1wd", "2wd"),
        street: new("1wd", "2wd"),
        district: new("24h", "24h"));
}
