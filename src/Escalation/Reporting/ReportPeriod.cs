using CitizenBot.Escalation.Sla;

namespace CitizenBot.Escalation.Reporting;

/// <summary>
/// A range of Beijing calendar days, <see cref="From"/> to <see cref="To"/> inclusive, that a report counts in. Its
/// instants are [<see cref="StartUtc"/>, <see cref="EndUtc"/>): midnight Beijing of the first day to midnight Beijing
/// after the last, so a ticket filed at 23:30 Beijing on the 1st (15:30 UTC) belongs to the 1st.
/// </summary>
internal sealed record ReportPeriod
{
    /// <summary>The longest range <see cref="Between"/> accepts, in days: a leap year, so a whole year always fits.</summary>
    public const int MaxDays = 366;

    private ReportPeriod(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    /// <summary>The first Beijing day of the range.</summary>
    public DateOnly From { get; }

    /// <summary>The last Beijing day of the range (inclusive).</summary>
    public DateOnly To { get; }

    /// <summary>How many days the range has; at least 1.</summary>
    public int DayCount => To.DayNumber - From.DayNumber + 1;

    /// <summary>Midnight Beijing at the start of <see cref="From"/>, as UTC (16:00 UTC the day before).</summary>
    public DateTimeOffset StartUtc => BeijingTime.StartOfDayUtc(From);

    /// <summary>Midnight Beijing after <see cref="To"/>, as UTC; exclusive.</summary>
    public DateTimeOffset EndUtc => BeijingTime.EndOfDayUtc(To);

    /// <summary>Every day of the range, in order.</summary>
    public IEnumerable<DateOnly> Days => Enumerable.Range(0, DayCount).Select(From.AddDays);

    /// <summary>The Beijing day on which <paramref name="now"/> falls.</summary>
    public static ReportPeriod Today(DateTimeOffset now)
    {
        var today = BeijingTime.DateOf(now);
        return new ReportPeriod(today, today);
    }

    /// <summary>
    /// The Beijing month of <paramref name="now"/>, from its 1st to today: days still to come have nothing to count,
    /// and a chart should not show them as zeros.
    /// </summary>
    public static ReportPeriod ThisMonth(DateTimeOffset now)
    {
        var today = BeijingTime.DateOf(now);
        return new ReportPeriod(new DateOnly(today.Year, today.Month, 1), today);
    }

    /// <summary>A chosen range of Beijing days, both inclusive; throws when <paramref name="to"/> is before <paramref name="from"/> or the range exceeds <see cref="MaxDays"/>.</summary>
    public static ReportPeriod Between(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The last day must not be before the first ({from:yyyy-MM-dd}).");
        }

        return TryBetween(from, to) ?? throw new ArgumentOutOfRangeException(nameof(to), to, $"A report covers at most {MaxDays} days.");
    }

    /// <summary>The range, or null when <paramref name="to"/> is before <paramref name="from"/> or it exceeds <see cref="MaxDays"/>: for input to check, not to trust.</summary>
    public static ReportPeriod? TryBetween(DateOnly from, DateOnly to) =>
        to >= from && to.DayNumber - from.DayNumber + 1 <= MaxDays ? new ReportPeriod(from, to) : null;

    /// <summary>True when <paramref name="instant"/> falls within the range.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= StartUtc && instant < EndUtc;
}
