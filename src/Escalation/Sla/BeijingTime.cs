namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Converts between UTC instants and the Beijing (Asia/Shanghai) calendar dates that SLA rules count in.
/// </summary>
/// <remarks>
/// China has observed no daylight saving time since 1991, so Asia/Shanghai is a fixed UTC+08:00 offset. A fixed
/// offset is used instead of a <see cref="TimeZoneInfo"/> lookup so the arithmetic does not depend on the host's
/// time-zone database (containers often ship without tzdata).
/// </remarks>
internal static class BeijingTime
{
    /// <summary>The Asia/Shanghai offset from UTC: +08:00, all year.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The IANA name of the zone the calendar's dates are read in.</summary>
    public const string ZoneId = "Asia/Shanghai";

    /// <summary>The Beijing calendar date on which <paramref name="instant"/> falls, whatever its offset.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The start of <paramref name="date"/> in Beijing (00:00 +08:00, i.e. 16:00 UTC the day before), as UTC.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date) => EndOfDayUtc(date.AddDays(-1));

    /// <summary>The end of <paramref name="date"/> in Beijing (24:00 +08:00, i.e. 16:00 UTC that day), as UTC.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly date) =>
        new DateTimeOffset(date.AddDays(1), TimeOnly.MinValue, Offset).ToUniversalTime();
}
